package io.forestall.desk.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.customers.Customer;
import io.forestall.customers.CustomerDraft;
import io.forestall.platform.rest.JsonInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A customer on the API, as DESIGN.md's contract shapes it; reading one customer adds its recent
 * events and cases, lists and upserts leave them out.
 */
public record CustomerJson(
    String externalId,
    String name,
    String email,
    String phone,
    String locale,
    String timeZone,
    JsonObject attributes,
    Consent consent,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    List<JsonObject> recentEvents,
    List<JsonObject> cases) {

  private static final Set<String> FIELDS =
      Set.of("externalId", "name", "email", "phone", "locale", "timeZone", "attributes", "consent");
  private static final Set<String> CHANNELS = Set.of("email", "sms");

  /** Whether the customer agreed to be contacted on each channel. */
  public record Consent(Boolean email, Boolean sms) {}

  static CustomerJson of(Customer c) {
    return new CustomerJson(
        c.getExternalId(),
        c.getName(),
        c.getEmail(),
        c.getPhone(),
        c.getLocale(),
        c.getTimeZone(),
        JSON.createReader(new StringReader(c.getAttributes())).readObject(),
        new Consent(c.isConsentEmail(), c.isConsentSms()),
        c.getCreatedAt().atOffset(ZoneOffset.UTC),
        c.getUpdatedAt().atOffset(ZoneOffset.UTC),
        null,
        null);
  }

  /** This customer with its recent events and cases, newest first. */
  CustomerJson withActivity(List<JsonObject> recentEvents, List<JsonObject> cases) {
    return new CustomerJson(
        externalId,
        name,
        email,
        phone,
        locale,
        timeZone,
        attributes,
        consent,
        createdAt,
        updatedAt,
        recentEvents,
        cases);
  }

  /** Reads an upsert body strictly: wrong types and unknown fields are errors, not guesses. */
  static CustomerDraft draftFrom(JsonValue body) {
    JsonInput in = JsonInput.of(body).allowOnly(FIELDS);
    Boolean email = null;
    Boolean sms = null;
    JsonInput consent = in.nested("consent");
    if (consent != null) {
      consent.allowOnly(CHANNELS);
      email = consent.bool("email");
      sms = consent.bool("sms");
    }
    CustomerDraft draft =
        new CustomerDraft(
            in.string("externalId"),
            in.string("name"),
            in.string("email"),
            in.string("phone"),
            in.string("locale"),
            in.string("timeZone"),
            in.object("attributes"),
            email,
            sms);
    in.finish();
    return draft;
  }
}
