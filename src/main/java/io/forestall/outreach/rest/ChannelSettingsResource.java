package io.forestall.outreach.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.outreach.ChannelSettings;
import io.forestall.outreach.ChannelSettings.TokenChange;
import io.forestall.outreach.ChannelSettingsService;
import io.forestall.platform.rest.JsonInput;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The tenant's channel settings: the email sender and the SMS provider. The provider's token is
 * write-only: a PUT with {@code smsAuthToken} replaces it, without it keeps it, with null clears
 * it; reads only say {@code smsAuthTokenSet}.
 */
@Path("/settings/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelSettingsResource {

  private static final Set<String> FIELDS =
      Set.of(
          "emailSenderName",
          "emailFromAddress",
          "emailReplyTo",
          "smsEnabled",
          "smsProviderUrl",
          "smsSenderId",
          "smsAuthToken",
          "smsAuthTokenSet");

  @Inject ChannelSettingsService settings;

  @GET
  @Operation(summary = "The email sender and the SMS provider; the token only as set or not")
  public JsonObject get() {
    return json(settings.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace the channel settings; smsAuthToken replaces the token, null clears it, absent"
              + " keeps it (smsAuthTokenSet is read-only and ignored)")
  public JsonObject put(InputStream body) {
    JsonInput in = JsonInput.of(JsonInput.parse(body)).allowOnly(FIELDS);
    String name = in.string("emailSenderName");
    String from = in.string("emailFromAddress");
    String replyTo = in.string("emailReplyTo");
    Boolean enabled = in.bool("smsEnabled");
    String url = in.string("smsProviderUrl");
    String sender = in.string("smsSenderId");
    TokenChange token = token(in);
    in.bool("smsAuthTokenSet"); // read-only: checked for its type, then ignored
    in.finish();
    return json(
        settings.save(
            new ChannelSettings(
                name, from, replyTo, Boolean.TRUE.equals(enabled), url, sender, false),
            token));
  }

  private static TokenChange token(JsonInput in) {
    if (!in.has("smsAuthToken")) {
      return TokenChange.keep();
    }
    if (in.raw("smsAuthToken").getValueType() == JsonValue.ValueType.NULL) {
      return TokenChange.clear();
    }
    return TokenChange.replace(in.string("smsAuthToken"));
  }

  private static JsonObject json(ChannelSettings s) {
    JsonObjectBuilder json = JSON.createObjectBuilder();
    add(json, "emailSenderName", s.emailSenderName());
    add(json, "emailFromAddress", s.emailFromAddress());
    add(json, "emailReplyTo", s.emailReplyTo());
    json.add("smsEnabled", s.smsEnabled());
    add(json, "smsProviderUrl", s.smsProviderUrl());
    add(json, "smsSenderId", s.smsSenderId());
    json.add("smsAuthTokenSet", s.smsAuthTokenSet());
    return json.build();
  }

  private static void add(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
