package io.forestall.audit.web;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant's audit log, newest first. */
@Named
@RequestScoped
public class AuditView {

  @Inject AuditLog audit;

  private List<AuditEntry> rows;

  public void load() {
    rows = audit.list(null, 0, 200);
  }

  public List<AuditEntry> getRows() {
    return rows;
  }
}
