package io.forestall.events.rest;

import io.forestall.events.EventDraft;
import io.forestall.events.EventIngest;
import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import io.forestall.platform.rest.ProblemJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ingest body (one event, or {@code {"events": [...]}}) into drafts, strictly: every bad
 * item is reported with its JSON pointer, and one bad item rejects the whole request.
 */
final class EventBatchReader {

  private static final Set<String> FIELDS =
      Set.of("id", "customer", "type", "occurredAt", "value", "attributes");

  private EventBatchReader() {}

  static List<EventDraft> read(byte[] body, Instant now) {
    JsonValue json = JsonInput.parse(new ByteArrayInputStream(body));
    JsonInput root = JsonInput.of(json);
    List<EventDraft> drafts = new ArrayList<>();
    if (root.has("events")) {
      root.allowOnly(Set.of("events"));
      JsonValue events = root.raw("events");
      if (!(events instanceof JsonArray array)) {
        root.error("events", "must be an array of events");
      } else if (array.isEmpty()) {
        root.error("events", "must hold at least one event");
      } else if (array.size() > EventIngest.MAX_BATCH) {
        throw new InvalidInputException(
            "Too many events: " + array.size() + " in one request.",
            List.of(
                new ProblemJson.FieldError(
                    "/events", "holds at most " + EventIngest.MAX_BATCH + " events per request")));
      } else {
        for (int i = 0; i < array.size(); i++) {
          JsonInput item = root.element("events", i, array.get(i));
          if (item != null) {
            drafts.add(draft(item, now));
          }
        }
      }
    } else {
      drafts.add(draft(root, now));
    }
    root.finish();
    return drafts;
  }

  private static EventDraft draft(JsonInput in, Instant now) {
    in.allowOnly(FIELDS);
    OffsetDateTime occurredAt = null;
    String when = in.string("occurredAt");
    if (when != null) {
      try {
        occurredAt = OffsetDateTime.parse(when);
      } catch (DateTimeParseException e) {
        in.error("occurredAt", "must be an ISO-8601 time with offset, e.g. 2026-11-22T10:15:00Z");
      }
    }
    EventDraft draft =
        new EventDraft(
            in.string("id"),
            in.string("customer"),
            in.string("type"),
            occurredAt,
            in.number("value"),
            in.object("attributes"));
    Map<String, String> problems = draft.problems(now);
    problems.forEach(
        (field, message) -> {
          // A field that already failed its type check is not reported twice.
          if (!in.failed(field)) {
            in.error(field, message);
          }
        });
    return draft;
  }
}
