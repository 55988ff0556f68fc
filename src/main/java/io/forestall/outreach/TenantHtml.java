package io.forestall.outreach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markup a tenant writes for its customers' action page, through OWASP's allowlist sanitizer: text
 * formatting, headings, lists, tables, https images and links (https, mailto, tel) stay; scripts,
 * event handlers, frames, forms, SVG, styles that load anything and every other URL scheme go. The
 * page checks a template with it when it is saved and cleans the markup again when it is shown.
 */
final class TenantHtml {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "hr",
              "b",
              "strong",
              "i",
              "em",
              "u",
              "s",
              "small",
              "sub",
              "sup",
              "span",
              "div",
              "h1",
              "h2",
              "h3",
              "h4",
              "ul",
              "ol",
              "li",
              "blockquote",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption",
              "a",
              "img")
          .allowAttributes("colspan", "rowspan")
          .onElements("td", "th")
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("src", "alt", "width", "height")
          .onElements("img")
          .allowUrlProtocols("https", "mailto", "tel")
          .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
          .allowStyling()
          .toFactory();

  private TenantHtml() {}

  /** The allowed part of {@code html}. */
  static String clean(String html) {
    return POLICY.sanitize(html);
  }

  /** What {@link #clean} drops from {@code html}, as {@code <script>} or {@code onclick on <a>}. */
  static List<String> dropped(String html) {
    List<String> dropped = new ArrayList<>();
    POLICY.sanitize(
        html,
        new HtmlChangeListener<List<String>>() {
          @Override
          public void discardedTag(List<String> into, String tag) {
            add(into, "<" + tag.toLowerCase(Locale.ROOT) + ">");
          }

          @Override
          public void discardedAttributes(List<String> into, String tag, String... attributes) {
            for (String attribute : attributes) {
              add(into, attribute.toLowerCase(Locale.ROOT) + " on <" + tag + ">");
            }
          }
        },
        dropped);
    return dropped;
  }

  private static void add(List<String> into, String what) {
    if (!into.contains(what)) {
      into.add(what);
    }
  }
}
