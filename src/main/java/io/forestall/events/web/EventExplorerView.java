package io.forestall.events.web;

import io.forestall.events.EventQuery;
import io.forestall.events.EventRow;
import io.forestall.events.EventService;
import io.forestall.platform.faces.PagedModel;
import io.forestall.platform.security.CurrentSession;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.primefaces.model.LazyDataModel;

/** Backs events/explorer.xhtml: the tenant's events filtered by type, customer and time range. */
@Named
@ViewScoped
public class EventExplorerView implements Serializable {

  @Inject EventService events;
  @Inject CurrentSession session;

  private String type;
  private String customer;
  private LocalDateTime from;
  private LocalDateTime to;
  private List<String> types;
  private LazyDataModel<EventRow> model;

  @PostConstruct
  void init() {
    types = events.types();
    model =
        new PagedModel<>(
            () -> events.count(query(0, 1)),
            (offset, limit) -> events.find(query(offset, limit)),
            row -> row.getEvent().getId());
  }

  /** Filter times are read in the organisation's time zone, like every time on screen. */
  private EventQuery query(int offset, int limit) {
    ZoneId zone = session.zone();
    return new EventQuery(
        type,
        customer,
        from == null ? null : from.atZone(zone).toInstant(),
        to == null ? null : to.atZone(zone).toInstant(),
        offset,
        limit);
  }

  public LazyDataModel<EventRow> getModel() {
    return model;
  }

  public List<String> getTypes() {
    return types;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public LocalDateTime getFrom() {
    return from;
  }

  public void setFrom(LocalDateTime from) {
    this.from = from;
  }

  public LocalDateTime getTo() {
    return to;
  }

  public void setTo(LocalDateTime to) {
    this.to = to;
  }
}
