package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The allowlist in front of the action page: what a tenant's markup keeps and what it loses. */
@Tag("security")
class TenantHtmlTest {

  @Test
  void keepsFormattingLinksAndHttpsImages() {
    String html =
        "<h2>Your bill</h2><p>It is <b>182.40</b> <em>GBP</em>.</p><ul><li>one</li></ul>"
            + "<table><tr><td colspan=\"2\">x</td></tr></table>"
            + "<img src=\"https://cdn.example.com/a.png\" alt=\"a\">";
    String clean = TenantHtml.clean(html);
    for (String kept :
        List.of(
            "<h2>",
            "<b>182.40</b>",
            "<li>one</li>",
            "colspan=\"2\"",
            "https://cdn.example.com/a.png")) {
      assertTrue(clean.contains(kept), kept + " in " + clean);
    }
    assertTrue(
        TenantHtml.clean("<a href=\"https://acme.example/x\">x</a>").contains("rel=\""),
        "links open without a way back to the page");
    assertEquals(List.of(), TenantHtml.dropped(html));
  }

  @Test
  void dropsEverythingThatCouldRunOrLoadOrLeave() {
    String beacon = "http://127.0.0.1:9/b";
    List<String> payloads =
        List.of(
            "<script>window.x=1</script>",
            "<img src=x onerror=\"window.x=1\">",
            "<a href=\"javascript:window.x=1\">a</a>",
            "<a href=\"JaVaScRiPt:window.x=1\">a</a>",
            "<a href=\"data:text/html,<script>window.x=1</script>\">a</a>",
            "<svg onload=\"window.x=1\"><script>window.x=1</script></svg>",
            "<iframe src=\"" + beacon + "\"></iframe>",
            "<iframe srcdoc=\"<script>parent.x=1</script>\"></iframe>",
            "<form action=\"" + beacon + "\"><button>Claim</button></form>",
            "<img src=\"" + beacon + "\">",
            "<object data=\"" + beacon + "\"></object>",
            "<embed src=\"" + beacon + "\">",
            "<div style=\"background:url(" + beacon + ")\">x</div>",
            "<style>@import url(" + beacon + ");</style>",
            "<link rel=\"stylesheet\" href=\"" + beacon + "\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=" + beacon + "\">",
            "<base href=\"" + beacon + "\">",
            "<math><mi xlink:href=\"javascript:window.x=1\">x</mi></math>",
            "<p onmouseover=\"window.x=1\">hover</p>");
    for (String payload : payloads) {
      String clean = TenantHtml.clean(payload).toLowerCase(Locale.ROOT);
      for (String bad :
          List.of(
              "<script",
              "javascript:",
              "onerror",
              "onload",
              "onmouseover",
              "<iframe",
              "<form",
              "<object",
              "<embed",
              "<style",
              "<link",
              "<meta",
              "<base",
              "127.0.0.1",
              "data:")) {
        assertFalse(clean.contains(bad), payload + " kept " + bad + ": " + clean);
      }
      assertFalse(TenantHtml.dropped(payload).isEmpty(), payload + " is reported");
    }
  }
}
