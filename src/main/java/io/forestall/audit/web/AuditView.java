package io.forestall.audit.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.platform.faces.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.primefaces.model.LazyDataModel;

/**
 * The tenant's audit log, newest first, a page at a time. View-scoped so that opening a row's
 * before and after (an Ajax request of its own) finds the page it was shown on.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final Map<String, Object> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

  @Inject AuditLog audit;

  private LazyDataModel<AuditEntry> model;

  @PostConstruct
  void init() {
    model =
        new PagedModel<>(
            () -> audit.count(null),
            (offset, limit) -> audit.list(null, offset, limit),
            AuditEntry::getId);
  }

  public LazyDataModel<AuditEntry> getModel() {
    return model;
  }

  /** A state as indented JSON to read; a state that is not JSON as it was recorded. */
  public String pretty(String state) {
    if (state == null) {
      return "";
    }
    try {
      JsonStructure json = JSON.createReader(new StringReader(state)).read();
      StringWriter out = new StringWriter();
      JSON.createWriterFactory(PRETTY).createWriter(out).write(json);
      return out.toString().strip();
    } catch (JsonException e) {
      return state;
    }
  }
}
