package io.forestall.platform.faces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Pages through rows in SQL for a PrimeFaces table. The owning view says how to count its rows, how
 * to read a page (offset, limit) under its filters, and each row's id; all three are serializable,
 * so the model goes with its view when the session moves to another node.
 */
public class PagedModel<R> extends LazyDataModel<R> {

  /** How many rows the view's filters select. */
  public interface Count extends Serializable {
    long count();
  }

  /** One page of rows under the view's filters. */
  public interface Page<R> extends Serializable {
    List<R> read(int offset, int limit);
  }

  /** A row's id, its key in the table. */
  public interface Id<R> extends Serializable {
    Object of(R row);
  }

  private final Count count;
  private final Page<R> page;
  private final Id<R> id;

  public PagedModel(Count count, Page<R> page, Id<R> id) {
    this.count = count;
    this.page = page;
    this.id = id;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) count.count();
  }

  @Override
  public List<R> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return page.read(first, pageSize);
  }

  @Override
  public String getRowKey(R row) {
    return String.valueOf(id.of(row));
  }

  @Override
  public R getRowData(String rowKey) {
    return getWrappedData().stream()
        .filter(r -> getRowKey(r).equals(rowKey))
        .findFirst()
        .orElse(null);
  }
}
