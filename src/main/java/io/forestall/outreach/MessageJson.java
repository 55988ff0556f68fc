package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A case's message on the API: channel, state, template version, and why it was not sent. */
public final class MessageJson {

  private MessageJson() {}

  public static JsonObject of(OutreachMessage m) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("channel", m.getChannel().name())
            .add("state", m.getState())
            .add("attempts", m.getAttempts())
            .add("template", m.getTemplateId())
            .add("templateVersion", m.getTemplateVersion());
    if (m.getRecipient() != null) {
      json.add("recipient", m.getRecipient());
    }
    if (m.getSentAt() != null) {
      json.add("sentAt", m.getSentAt().toString());
    }
    if (m.getProviderMessageId() != null) {
      json.add("providerMessageId", m.getProviderMessageId());
    }
    if (m.getReason() != null) {
      json.add("reason", m.getReason());
    }
    return json.build();
  }
}
