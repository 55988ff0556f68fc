package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.kernel.Channel;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A template's text: for each locale, the channel's parts (an email's subject, HTML and text; an
 * SMS's text…). A customer whose locale has no variant gets the variant of their language, else the
 * fallback locale's.
 */
public record TemplateContent(
    Channel channel, String fallbackLocale, Map<String, Map<String, String>> variants) {

  public TemplateContent {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    variants.forEach((locale, parts) -> copy.put(locale, Map.copyOf(parts)));
    variants = java.util.Collections.unmodifiableMap(copy);
  }

  /** The locale whose variant a customer with {@code locale} reads. */
  public String localeFor(String locale) {
    if (locale != null) {
      if (variants.containsKey(locale)) {
        return locale;
      }
      String language = Locale.forLanguageTag(locale).getLanguage();
      if (variants.containsKey(language)) {
        return language;
      }
    }
    return fallbackLocale;
  }

  /** Stored form: one canonical JSON text, so equal text means equal content. */
  public String toJson() {
    JsonObjectBuilder locales = JSON.createObjectBuilder();
    variants.keySet().stream()
        .sorted()
        .forEach(
            locale -> {
              JsonObjectBuilder parts = JSON.createObjectBuilder();
              for (String part : channel.parts()) {
                parts.add(part, variants.get(locale).getOrDefault(part, ""));
              }
              locales.add(locale, parts);
            });
    return JSON.createObjectBuilder()
        .add("channel", channel.name())
        .add("fallbackLocale", fallbackLocale)
        .add("variants", locales)
        .build()
        .toString();
  }

  /** Reads the stored form; fields other than channel, fallbackLocale and variants are ignored. */
  public static TemplateContent fromJson(String stored) {
    JsonObject json = JSON.createReader(new StringReader(stored)).readObject();
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> locale : json.getJsonObject("variants").entrySet()) {
      Map<String, String> parts = new LinkedHashMap<>();
      locale
          .getValue()
          .asJsonObject()
          .forEach((part, text) -> parts.put(part, ((JsonString) text).getString()));
      variants.put(locale.getKey(), parts);
    }
    return new TemplateContent(
        Channel.valueOf(json.getString("channel")), json.getString("fallbackLocale"), variants);
  }
}
