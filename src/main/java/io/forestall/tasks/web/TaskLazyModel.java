package io.forestall.tasks.web;

import io.forestall.tasks.TaskQuery;
import io.forestall.tasks.TaskRow;
import io.forestall.tasks.TaskService;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages through the queue in SQL; the query for a page comes from the owning view's filters. */
class TaskLazyModel extends LazyDataModel<TaskRow> {

  /**
   * The query for a page (offset, limit), from the owning view: serializable, so the model goes
   * with its view when the session moves to another node.
   */
  interface Query extends BiFunction<Integer, Integer, TaskQuery>, Serializable {}

  private final TaskService tasks;
  private final Query query;

  TaskLazyModel(TaskService tasks, Query query) {
    this.tasks = tasks;
    this.query = query;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) tasks.count(query.apply(0, 1));
  }

  @Override
  public List<TaskRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return tasks.list(query.apply(first, pageSize));
  }

  @Override
  public String getRowKey(TaskRow row) {
    return Long.toString(row.getId());
  }

  @Override
  public TaskRow getRowData(String rowKey) {
    return getWrappedData().stream()
        .filter(r -> Long.toString(r.getId()).equals(rowKey))
        .findFirst()
        .orElse(null);
  }
}
