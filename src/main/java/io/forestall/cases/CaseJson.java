package io.forestall.cases;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

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
    return json;
  }
}
