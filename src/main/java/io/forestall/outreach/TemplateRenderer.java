package io.forestall.outreach;

import static io.forestall.kernel.JsonFactory.JSON;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.forestall.kernel.Channel;
import io.forestall.kernel.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders templates with Mustache: variables and sections, no code. Variables are escaped for the
 * part they land in (HTML in markup, JSON strings in webhook payloads), and the unescaped forms are
 * refused; a known variable without a value renders empty, an unknown one is an error.
 */
public final class TemplateRenderer {

  private static final Mustache.Escaper JSON_STRING =
      text -> {
        String quoted = JSON.createValue(text).toString();
        return quoted.substring(1, quoted.length() - 1);
      };

  private TemplateRenderer() {}

  /** A rendered message: the locale it was written in and its parts. */
  public record Rendered(String locale, Map<String, String> parts) {}

  /** The variant for {@code locale}, rendered with {@code context}. */
  public static Rendered render(
      TemplateContent content, String locale, Map<String, Object> context) {
    String chosen = content.localeFor(locale);
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : content.channel().parts()) {
      String text = content.variants().getOrDefault(chosen, Map.of()).getOrDefault(part, "");
      parts.put(part, compile(content.channel(), part, text).execute(context));
    }
    return new Rendered(chosen, parts);
  }

  /**
   * What is wrong with the content: no variant in the fallback locale, unescaped variables, markup
   * the action page would drop, Mustache syntax, variables or sections that are not {@link
   * MessageVariables}.
   */
  public static List<Violation> check(TemplateContent content) {
    List<Violation> violations = new ArrayList<>();
    if (!content.variants().containsKey(content.fallbackLocale())) {
      violations.add(
          new Violation(
              "/fallbackLocale",
              "has no text: write the " + content.fallbackLocale() + " variant or pick another"));
    }
    content
        .variants()
        .forEach(
            (locale, parts) -> {
              for (String part : content.channel().parts()) {
                String pointer = "/variants/" + locale + "/" + part;
                String text = parts.getOrDefault(part, "");
                Matcher unescaped = UNESCAPED.matcher(text);
                if (unescaped.find()) {
                  violations.add(
                      new Violation(
                          pointer,
                          unescaped.group()
                              + "…}} on line "
                              + line(text, unescaped.start())
                              + " would insert a value unescaped; write {{name}}, which escapes it"));
                  continue;
                }
                if (content.channel() == Channel.ACTION_PAGE && part.equals("body")) {
                  List<String> dropped = TenantHtml.dropped(text);
                  if (!dropped.isEmpty()) {
                    violations.add(
                        new Violation(
                            pointer,
                            "holds markup the action page does not allow: "
                                + String.join(", ", dropped)
                                + " (no scripts, handlers, frames or forms; links and images"
                                + " must be https)"));
                  }
                }
                try {
                  compile(content.channel(), part, parts.getOrDefault(part, ""))
                      .execute(MessageVariables.SAMPLE);
                } catch (MustacheException e) {
                  violations.add(new Violation(pointer, explain(e)));
                }
              }
            });
    return violations;
  }

  /** Mustache's unescaped forms, {@code {{{name}}} and {@code {{&name}}}. */
  private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\{|\\{\\{\\s*&");

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Variables are escaped for where the part goes: HTML in markup, JSON in payloads, else not. */
  private static Template compile(Channel channel, String part, String text) {
    Mustache.Escaper escaper =
        switch (channel) {
          case EMAIL -> part.equals("html") ? Escapers.HTML : Escapers.NONE;
          case ACTION_PAGE -> Escapers.HTML;
          case WEBHOOK -> JSON_STRING;
          case SMS -> Escapers.NONE;
        };
    return Mustache.compiler()
        .withEscaper(escaper)
        .strictSections(true)
        .nullValue("")
        .compile(text);
  }

  /** Mustache's message in the editor's words: which name on which line. */
  private static String explain(MustacheException e) {
    if (e instanceof MustacheException.Context c) {
      return "unknown variable {{" + c.key + "}} on line " + c.lineNo;
    }
    return e.getMessage();
  }
}
