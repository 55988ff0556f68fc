package io.forestall.customers.web;

import io.forestall.customers.Customer;
import io.forestall.customers.CustomerQuery;
import io.forestall.customers.CustomerService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** Backs customers/list.xhtml: a lazy, paged, sortable list with a search box. */
@Named
@ViewScoped
public class CustomerListView implements Serializable {

  @Inject CustomerService customers;

  private final LazyDataModel<Customer> model = new Model();
  private String search;

  public LazyDataModel<Customer> getModel() {
    return model;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  private CustomerQuery query(int first, int pageSize, Map<String, SortMeta> sortBy) {
    SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
    return new CustomerQuery(
        search,
        sort == null ? null : sort.getField(),
        sort != null && sort.getOrder() == SortOrder.ASCENDING,
        first,
        pageSize);
  }

  /** Loads one page per request; the rows are detached once the service call returns. */
  private class Model extends LazyDataModel<Customer> {

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) customers.count(query(0, 1, null));
    }

    @Override
    public List<Customer> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return customers.list(query(first, pageSize, sortBy));
    }

    @Override
    public String getRowKey(Customer row) {
      return String.valueOf(row.getId());
    }

    @Override
    public Customer getRowData(String rowKey) {
      return getWrappedData().stream()
          .filter(r -> String.valueOf(r.getId()).equals(rowKey))
          .findFirst()
          .orElse(null);
    }
  }
}
