package io.forestall.events.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.events.CustomerEvent;
import io.forestall.events.EventQuery;
import io.forestall.events.EventRow;
import io.forestall.events.EventService;
import io.forestall.platform.faces.ChartJson;
import io.forestall.platform.faces.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.primefaces.model.LazyDataModel;

/**
 * Backs events/timeline.xhtml: one customer's events, newest first, and a chart of their numeric
 * values over time, one line per event type.
 */
@Named
@ViewScoped
public class CustomerTimelineView implements Serializable {

  /** How many recent events the chart draws. */
  static final int CHART_POINTS = 200;

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Inject EventService events;

  private String customer;
  private LazyDataModel<EventRow> model;
  private String chart;
  private long total;

  public void load() {
    model =
        new PagedModel<>(
            () -> events.count(new EventQuery(null, customer, null, null, 0, 1)),
            (offset, limit) ->
                events.find(new EventQuery(null, customer, null, null, offset, limit)),
            row -> row.getEvent().getId());
    total = events.count(new EventQuery(null, customer, null, null, 0, 1));
    chart = chartOf(events.find(new EventQuery(null, customer, null, null, 0, CHART_POINTS)));
  }

  /**
   * A Chart.js line chart: time labels along x, a dataset per type of the events that carry a
   * value.
   */
  static String chartOf(List<EventRow> newestFirst) {
    List<EventRow> valued = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      if (newestFirst.get(i).getEvent().getValue() != null) {
        valued.add(newestFirst.get(i));
      }
    }
    if (valued.isEmpty()) {
      return null;
    }
    TreeSet<String> labels = new TreeSet<>();
    Map<String, Map<String, Number>> byType = new LinkedHashMap<>();
    for (EventRow row : valued) {
      CustomerEvent e = row.getEvent();
      String label = LABEL.format(e.getOccurredAt().atZone(ZoneOffset.UTC));
      labels.add(label);
      byType.computeIfAbsent(e.getType(), t -> new LinkedHashMap<>()).put(label, e.getValue());
    }
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    int colour = 0;
    for (var entry : byType.entrySet()) {
      JsonArrayBuilder data = JSON.createArrayBuilder();
      for (String label : labels) {
        Number value = entry.getValue().get(label);
        if (value == null) {
          data.addNull();
        } else {
          data.add(new java.math.BigDecimal(value.toString()));
        }
      }
      String c = ChartJson.colour(colour++);
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", entry.getKey())
              .add("data", data)
              .add("borderColor", c)
              .add("backgroundColor", c)
              .add("spanGaps", true)
              .add("tension", 0.25));
    }
    JsonArrayBuilder labelArray = JSON.createArrayBuilder();
    labels.forEach(labelArray::add);
    return ChartJson.of("line", labelArray, datasets, null);
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public LazyDataModel<EventRow> getModel() {
    return model;
  }

  public String getChart() {
    return chart;
  }

  public long getTotal() {
    return total;
  }
}
