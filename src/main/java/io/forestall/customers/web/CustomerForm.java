package io.forestall.customers.web;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.customers.Customer;
import io.forestall.customers.CustomerDraft;
import io.forestall.platform.rest.InvalidInputException;
import io.forestall.platform.rest.JsonInput;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The edit form's state; the attributes are edited as JSON text. */
public class CustomerForm implements Serializable {

  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private String externalId;
  private String name;
  private String email;
  private String phone;
  private String locale;
  private String timeZone;
  private String attributes = "{}";
  private boolean consentEmail;
  private boolean consentSms;

  static CustomerForm of(Customer c) {
    CustomerForm form = new CustomerForm();
    form.externalId = c.getExternalId();
    form.name = c.getName();
    form.email = c.getEmail();
    form.phone = c.getPhone();
    form.locale = c.getLocale();
    form.timeZone = c.getTimeZone();
    StringWriter pretty = new StringWriter();
    PRETTY
        .createWriter(pretty)
        .write(JSON.createReader(new StringReader(c.getAttributes())).readObject());
    form.attributes = pretty.toString().strip();
    form.consentEmail = c.isConsentEmail();
    form.consentSms = c.isConsentSms();
    return form;
  }

  /**
   * The draft for the service; throws {@link JsonException} when the attributes are no JSON object
   * (or nest deeper than the API allows).
   */
  CustomerDraft toDraft() {
    JsonObject parsed = JsonObject.EMPTY_JSON_OBJECT;
    if (attributes != null && !attributes.isBlank()) {
      JsonValue value;
      try {
        value =
            JsonInput.parse(new ByteArrayInputStream(attributes.getBytes(StandardCharsets.UTF_8)));
      } catch (InvalidInputException e) {
        throw new JsonException(e.getMessage(), e);
      }
      if (!(value instanceof JsonObject object)) {
        throw new JsonException("The attributes are not a JSON object.");
      }
      parsed = object;
    }
    return new CustomerDraft(
        externalId,
        orEmpty(name),
        orEmpty(email),
        orEmpty(phone),
        orEmpty(locale),
        orEmpty(timeZone),
        parsed,
        consentEmail,
        consentSms);
  }

  /** Null from an empty input means "clear it" on a form, unlike on the API. */
  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getAttributes() {
    return attributes;
  }

  public void setAttributes(String attributes) {
    this.attributes = attributes;
  }

  public boolean isConsentEmail() {
    return consentEmail;
  }

  public void setConsentEmail(boolean consentEmail) {
    this.consentEmail = consentEmail;
  }

  public boolean isConsentSms() {
    return consentSms;
  }

  public void setConsentSms(boolean consentSms) {
    this.consentSms = consentSms;
  }
}
