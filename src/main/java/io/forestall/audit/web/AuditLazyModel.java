package io.forestall.audit.web;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages through the tenant's audit log, newest first. */
class AuditLazyModel extends LazyDataModel<AuditEntry> {

  private final AuditLog audit;

  AuditLazyModel(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) audit.count(null);
  }

  @Override
  public List<AuditEntry> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return audit.list(null, first, pageSize);
  }

  @Override
  public String getRowKey(AuditEntry entry) {
    return entry.getId().toString();
  }

  @Override
  public AuditEntry getRowData(String rowKey) {
    return getWrappedData().stream()
        .filter(e -> e.getId().toString().equals(rowKey))
        .findFirst()
        .orElse(null);
  }
}
