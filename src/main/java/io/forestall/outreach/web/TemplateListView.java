package io.forestall.outreach.web;

import io.forestall.outreach.MessageTemplate;
import io.forestall.outreach.TemplateService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs outreach/templates.xhtml: the tenant's message templates. */
@Named
@RequestScoped
public class TemplateListView {

  @Inject TemplateService templates;

  private List<MessageTemplate> rows;

  public void load() {
    rows = templates.list();
  }

  public List<MessageTemplate> getRows() {
    return rows;
  }
}
