package io.forestall.outreach.rest;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Channel;
import io.forestall.outreach.MessageTemplate;
import io.forestall.outreach.TemplateContent;
import io.forestall.outreach.TemplateRenderer;
import io.forestall.outreach.TemplateVersion;
import io.forestall.platform.rest.JsonInput;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Templates on the API: name, channel, fallback locale and per-locale parts, as stored. */
final class TemplateJson {

  private static final Set<String> FIELDS = Set.of("name", "channel", "fallbackLocale", "variants");

  private TemplateJson() {}

  /** A template body read strictly; every wrong field is named in one 400 problem. */
  record Body(String name, TemplateContent content) {}

  static Body read(JsonValue body) {
    JsonInput in = JsonInput.of(body).allowOnly(FIELDS);
    String channelText = in.string("channel");
    Channel channel = null;
    if (channelText == null) {
      in.error("channel", "is required: one of EMAIL, SMS, WEBHOOK, ACTION_PAGE");
    } else {
      try {
        channel = Channel.valueOf(channelText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        in.error("channel", "must be one of EMAIL, SMS, WEBHOOK, ACTION_PAGE");
      }
    }
    String fallback = in.string("fallbackLocale");
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    JsonInput v = in.nested("variants");
    if (v == null) {
      if (!in.failed("variants")) {
        in.error("variants", "is required: an object of locales, each with the channel's parts");
      }
    } else {
      for (String locale : v.names()) {
        JsonInput parts = v.nested(locale);
        if (parts == null) {
          continue;
        }
        if (channel != null) {
          parts.allowOnly(Set.copyOf(channel.parts()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String part : channel == null ? List.<String>of() : channel.parts()) {
          String text = parts.string(part);
          texts.put(part, text == null ? "" : text);
        }
        variants.put(locale, texts);
      }
    }
    String name = in.string("name");
    in.finish();
    return new Body(
        name, new TemplateContent(channel, fallback == null ? "en" : fallback.strip(), variants));
  }

  static JsonObject of(MessageTemplate t) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("id", t.getId())
            .add("name", t.getName())
            .add("channel", t.getChannel().name())
            .add("content", content(t.getDraft()))
            .add("createdAt", t.getCreatedAt().toString())
            .add("updatedAt", t.getUpdatedAt().toString());
    if (t.getPublishedVersion() != null) {
      json.add("publishedVersion", t.getPublishedVersion());
    }
    return json.build();
  }

  static JsonObject version(TemplateVersion v) {
    return JSON.createObjectBuilder()
        .add("number", v.getNumber())
        .add("content", content(v.getContent()))
        .add("publishedAt", v.getPublishedAt().toString())
        .add("publishedBy", v.getPublishedBy())
        .build();
  }

  static JsonObject rendered(TemplateRenderer.Rendered r) {
    JsonObjectBuilder parts = JSON.createObjectBuilder();
    r.parts().forEach(parts::add);
    return JSON.createObjectBuilder().add("locale", r.locale()).add("parts", parts).build();
  }

  private static JsonObject content(String stored) {
    JsonObject json = JSON.createReader(new StringReader(stored)).readObject();
    return JSON.createObjectBuilder()
        .add("fallbackLocale", json.getString("fallbackLocale"))
        .add("variants", json.getJsonObject("variants"))
        .build();
  }
}
