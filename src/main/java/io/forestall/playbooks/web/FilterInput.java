package io.forestall.playbooks.web;

import io.forestall.triggers.AttributeFilter;
import java.io.Serializable;

/** One attribute filter row of the editor. */
public class FilterInput implements Serializable {

  private String attribute;
  private AttributeFilter.Operator operator = AttributeFilter.Operator.EQ;
  private String value;

  static FilterInput of(AttributeFilter f) {
    FilterInput in = new FilterInput();
    in.attribute = f.attribute();
    in.operator = f.operator();
    in.value = f.value();
    return in;
  }

  AttributeFilter toFilter() {
    return new AttributeFilter(
        attribute == null ? null : attribute.strip(),
        operator,
        value == null || value.isBlank() ? null : value.strip());
  }

  public String getAttribute() {
    return attribute;
  }

  public void setAttribute(String attribute) {
    this.attribute = attribute;
  }

  public AttributeFilter.Operator getOperator() {
    return operator;
  }

  public void setOperator(AttributeFilter.Operator operator) {
    this.operator = operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
