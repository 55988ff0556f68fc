package io.forestall.playbooks;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.triggers.ComplaintScore;
import io.forestall.triggers.Finding;
import io.forestall.triggers.Match;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A match's evidence as the JSON a case stores: the sentence and the numbers behind it. */
public final class EvidenceJson {

  private EvidenceJson() {}

  public static JsonObject of(Match match, Instant asOf) {
    JsonArrayBuilder findings = JSON.createArrayBuilder();
    for (Finding f : match.findings()) {
      findings.add(
          JSON.createObjectBuilder()
              .add("kind", f.kind().name())
              .add("eventType", f.eventType())
              .add("matched", f.matched())
              .add("summary", f.summary())
              .add("data", data(f.data())));
    }
    return JSON.createObjectBuilder()
        .add("asOf", asOf.toString())
        .add("summary", match.summary())
        .add("findings", findings)
        .build();
  }

  private static JsonObject data(Map<String, Object> data) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    data.forEach((k, v) -> json.add(k, value(v)));
    return json.build();
  }

  private static JsonValue value(Object v) {
    if (v instanceof BigDecimal n) {
      return JSON.createValue(n);
    }
    if (v instanceof Long n) {
      return JSON.createValue(n);
    }
    if (v instanceof Integer n) {
      return JSON.createValue(n);
    }
    if (v instanceof JsonValue json) {
      return json;
    }
    if (v instanceof ComplaintScore score) {
      JsonArrayBuilder parts = JSON.createArrayBuilder();
      score
          .parts()
          .forEach(
              p ->
                  parts.add(
                      JSON.createObjectBuilder()
                          .add("signal", p.signal())
                          .add("points", p.points())
                          .add("detail", p.detail())));
      return JSON.createObjectBuilder()
          .add("score", score.score())
          .add("complex", score.complex())
          .add("parts", parts)
          .build();
    }
    return JSON.createValue(String.valueOf(v));
  }
}
