package io.forestall.cases;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/** A case on the API: who, which playbook version, its state and the evidence that made it fire. */
public final class CaseJson {

  private CaseJson() {}

  /** The case's fields; callers add what their endpoint shows besides. */
  public static JsonObjectBuilder of(CaseRow row) {
    CustomerCase c = row.getCase();
    JsonObjectBuilder customer =
        JSON.createObjectBuilder().add("externalId", row.getCustomerExternalId());
    if (row.getCustomerName() != null) {
      customer.add("name", row.getCustomerName());
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", c.getId())
            .add(
                "playbook",
                JSON.createObjectBuilder()
                    .add("id", c.getPlaybookId())
                    .add("name", row.getPlaybookName())
                    .add("version", c.getPlaybookVersion()))
            .add("customer", customer)
            .add("level", c.getLevel())
            .add("state", c.getState().name())
            .add("priority", c.getPriority())
            .add("holdout", c.isHoldout())
            .add("summary", c.getSummary())
            .add("evidence", JSON.createReader(new StringReader(c.getEvidence())).readObject())
            .add("detectedAt", c.getDetectedAt().toString());
    if (c.getComplexity() != null) {
      json.add("complexity", c.getComplexity());
    }
    if (c.getRootCause() != null) {
      json.add("rootCause", c.getRootCause());
    }
    json.add("repeatContacts", c.getRepeatContacts());
    addTime(json, "respondedAt", c.getRespondedAt());
    addTime(json, "resolvedAt", c.getResolvedAt());
    addTime(json, "verifyUntil", c.getVerifyUntil());
    addTime(json, "verifiedAt", c.getVerifiedAt());
    addTime(json, "reopenedAt", c.getReopenedAt());
    return json;
  }

  private static void addTime(JsonObjectBuilder json, String name, Instant at) {
    if (at != null) {
      json.add(name, at.toString());
    }
  }
}
