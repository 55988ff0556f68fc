package io.forestall.cases;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** One condition of a case's stored evidence, as screens show it: what it found and why. */
public final class EvidenceFinding {

  /** One signal of a complaint score and the points it added. */
  public static final class Part {
    private final String detail;
    private final int points;

    Part(JsonObject json) {
      detail = json.getString("detail");
      points = json.getInt("points");
    }

    public String getDetail() {
      return detail;
    }

    public int getPoints() {
      return points;
    }
  }

  private final String kind;
  private final String eventType;
  private final boolean matched;
  private final String summary;
  private final List<Part> parts;

  private EvidenceFinding(JsonObject json) {
    kind = json.getString("kind");
    eventType = json.getString("eventType");
    matched = json.getBoolean("matched");
    summary = json.getString("summary");
    JsonObject score = json.getJsonObject("data").getJsonObject("score");
    parts =
        score == null
            ? List.of()
            : score.getJsonArray("parts").stream().map(p -> new Part(p.asJsonObject())).toList();
  }

  /** The findings of a case, in the order of its playbook's conditions. */
  public static List<EvidenceFinding> of(CustomerCase c) {
    return JSON
        .createReader(new StringReader(c.getEvidence()))
        .readObject()
        .getJsonArray("findings")
        .stream()
        .map(JsonValue::asJsonObject)
        .map(EvidenceFinding::new)
        .toList();
  }

  public String getKind() {
    return kind;
  }

  public String getEventType() {
    return eventType;
  }

  public boolean isMatched() {
    return matched;
  }

  public String getSummary() {
    return summary;
  }

  public List<Part> getParts() {
    return parts;
  }
}
