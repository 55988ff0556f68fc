package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A case's message on the API: channel, state, template version, why it was not sent, and what the
 * customer did with it (opened, clicked, answered, rated, opted out).
 */
public final class MessageJson {

  private MessageJson() {}

  public static JsonObject of(OutreachMessage m) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", m.getId())
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
    if (m.getOpenedAt() != null) {
      json.add("openedAt", m.getOpenedAt().toString());
    }
    if (m.getClickedAt() != null) {
      json.add("clickedAt", m.getClickedAt().toString());
    }
    if (m.getAnswer() != null) {
      json.add("answer", m.getAnswer()).add("answeredAt", m.getAnsweredAt().toString());
    }
    if (m.getAnswerDetail() != null) {
      json.add("option", m.getAnswerDetail());
    }
    if (m.getCsat() != null) {
      json.add("csat", m.getCsat());
    }
    if (m.getOptedOutAt() != null) {
      json.add("optedOutAt", m.getOptedOutAt().toString());
    }
    return json.build();
  }
}
