package io.forestall.events;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;

/** Events on the API, in the shape they were sent, plus when Forestall received them. */
public final class EventJson {

  private EventJson() {}

  /** One event with its customer's external id. */
  public static JsonObject of(EventRow row) {
    CustomerEvent e = row.getEvent();
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", e.getEventId())
            .add("customer", row.getCustomer())
            .add("type", e.getType())
            .add("occurredAt", e.getOccurredAt().toString())
            .add("attributes", JSON.createReader(new StringReader(e.getAttributes())).readObject())
            .add("receivedAt", e.getReceivedAt().toString());
    if (e.getValue() != null) {
      json.add("value", e.getValue());
    }
    return json.build();
  }

  /** A page of events as the list endpoints answer it. */
  public static String page(List<EventRow> rows, long total, int offset, int limit) {
    var items = JSON.createArrayBuilder();
    rows.forEach(r -> items.add(of(r)));
    return JSON.createObjectBuilder()
        .add("items", items)
        .add("total", total)
        .add("offset", offset)
        .add("limit", limit)
        .build()
        .toString();
  }
}
