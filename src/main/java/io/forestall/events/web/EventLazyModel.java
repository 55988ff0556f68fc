package io.forestall.events.web;

import io.forestall.events.EventQuery;
import io.forestall.events.EventRow;
import io.forestall.events.EventService;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages through events newest first; the query for a page comes from the owning view's filters. */
class EventLazyModel extends LazyDataModel<EventRow> {

  /**
   * The query for a page (offset, limit), from the owning view: serializable, so the model goes
   * with its view when the session moves to another node.
   */
  interface Query extends BiFunction<Integer, Integer, EventQuery>, Serializable {}

  private final EventService events;
  private final Query query;

  EventLazyModel(EventService events, Query query) {
    this.events = events;
    this.query = query;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) events.count(query.apply(0, 1));
  }

  @Override
  public List<EventRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return events.find(query.apply(first, pageSize));
  }

  @Override
  public String getRowKey(EventRow row) {
    return Long.toString(row.getEvent().getId());
  }

  @Override
  public EventRow getRowData(String rowKey) {
    return getWrappedData().stream()
        .filter(r -> Long.toString(r.getEvent().getId()).equals(rowKey))
        .findFirst()
        .orElse(null);
  }
}
