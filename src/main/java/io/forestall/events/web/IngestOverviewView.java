package io.forestall.events.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.events.EventService;
import io.forestall.events.IngestErrors;
import io.forestall.platform.faces.ChartJson;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs events/overview.xhtml: events per type per day over the last two weeks as a stacked bar
 * chart, and the latest rejected requests with the problem documents they were answered with.
 */
@Named
@ViewScoped
public class IngestOverviewView implements Serializable {

  static final int DAYS = 14;

  @Inject EventService events;
  @Inject IngestErrors errors;
  @Inject Clock clock;

  private String chart;
  private long total;
  private List<ErrorRow> recentErrors;

  /** A rejected request as the table shows it. */
  public static final class ErrorRow implements Serializable {
    private final java.time.Instant at;
    private final String source;
    private final int status;
    private final String title;
    private final String problem;

    ErrorRow(IngestErrors.Entry e) {
      at = e.occurredAt();
      source = e.source();
      status = e.status();
      title = e.title();
      problem = pretty(e.problem());
    }

    private static String pretty(String json) {
      try {
        var out = new java.io.StringWriter();
        JSON.createWriterFactory(
                java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(out)
            .write(JSON.createReader(new java.io.StringReader(json)).read());
        return out.toString().strip();
      } catch (jakarta.json.JsonException e) {
        return json;
      }
    }

    public java.time.Instant getAt() {
      return at;
    }

    public String getSource() {
      return source;
    }

    public int getStatus() {
      return status;
    }

    public String getTitle() {
      return title;
    }

    public String getProblem() {
      return problem;
    }
  }

  public void load() {
    List<EventService.DailyCount> counts = events.dailyCounts(DAYS, clock.instant());
    total = counts.stream().mapToLong(EventService.DailyCount::count).sum();
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    JsonArrayBuilder labels = JSON.createArrayBuilder();
    Map<String, long[]> byType = new LinkedHashMap<>();
    for (EventService.DailyCount c : counts) {
      byType
              .computeIfAbsent(c.type(), t -> new long[DAYS])[
              DAYS - 1 - (int) (today.toEpochDay() - c.day().toEpochDay())] +=
          c.count();
    }
    for (int i = DAYS - 1; i >= 0; i--) {
      labels.add(today.minusDays(i).toString());
    }
    JsonArrayBuilder datasets = JSON.createArrayBuilder();
    int colour = 0;
    for (var entry : byType.entrySet()) {
      JsonArrayBuilder data = JSON.createArrayBuilder();
      for (long n : entry.getValue()) {
        data.add(n);
      }
      datasets.add(
          JSON.createObjectBuilder()
              .add("label", entry.getKey())
              .add("data", data)
              .add("backgroundColor", ChartJson.colour(colour++)));
    }
    chart =
        ChartJson.of(
            "bar",
            labels,
            datasets,
            JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("stacked", true))
                .add("y", JSON.createObjectBuilder().add("stacked", true)));
    recentErrors = errors.latest(20).stream().map(ErrorRow::new).toList();
  }

  public String getChart() {
    return chart;
  }

  public long getTotal() {
    return total;
  }

  public List<ErrorRow> getRecentErrors() {
    return recentErrors;
  }
}
