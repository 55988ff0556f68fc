package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.Channel;
import io.forestall.kernel.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private static final Map<String, Object> CONTEXT =
      Map.of(
          "customer",
          Map.of("name", "Ada <Lovelace>", "firstName", "Ada", "attributes", Map.of("plan", "5G")),
          "evidence",
          Map.of(
              "recent",
              "182.40",
              "findings",
              List.of(Map.of("summary", "bill up"), Map.of("summary", "usage \"down\""))));

  private static TemplateContent email(String subject, String html) {
    return new TemplateContent(
        Channel.EMAIL,
        "en",
        Map.of(
            "en", Map.of("subject", subject, "html", html, "text", "Hi {{customer.firstName}}"),
            "de", Map.of("subject", "Hallo", "html", "<p>Hallo</p>", "text", "Hallo")));
  }

  @Test
  void escapesHtmlInMarkupOnly() {
    TemplateRenderer.Rendered r =
        TemplateRenderer.render(
            email("Your bill, {{customer.name}}", "<p>{{customer.name}}: {{evidence.recent}}</p>"),
            "en-GB",
            CONTEXT);
    assertEquals("en", r.locale());
    assertEquals("Your bill, Ada <Lovelace>", r.parts().get("subject"));
    assertEquals("<p>Ada &lt;Lovelace&gt;: 182.40</p>", r.parts().get("html"));
    assertEquals("Hi Ada", r.parts().get("text"));
  }

  @Test
  void webhookPayloadsEscapeForJsonAndSectionsRepeat() {
    TemplateContent payload =
        new TemplateContent(
            Channel.WEBHOOK,
            "en",
            Map.of(
                "en",
                Map.of(
                    "payload",
                    "{\"why\":[{{#evidence.findings}}\"{{summary}}\",{{/evidence.findings}}\"\"]}")));
    assertEquals(
        "{\"why\":[\"bill up\",\"usage \\\"down\\\"\",\"\"]}",
        TemplateRenderer.render(payload, "en", CONTEXT).parts().get("payload"));
  }

  @Test
  void picksTheLanguageThenTheFallback() {
    TemplateContent content = email("Hi", "<p>Hi</p>");
    assertEquals("de", TemplateRenderer.render(content, "de-AT", CONTEXT).locale());
    assertEquals("en", TemplateRenderer.render(content, "fr", CONTEXT).locale());
    assertEquals("en", TemplateRenderer.render(content, null, CONTEXT).locale());
  }

  @Test
  void knownVariablesWithoutValueRenderEmpty() {
    Map<String, Object> customer = new HashMap<>();
    customer.put("firstName", "Ada");
    customer.put("phone", null);
    assertEquals(
        "Hi ",
        TemplateRenderer.render(
                email("Hi {{customer.phone}}", ""), "en", Map.of("customer", customer))
            .parts()
            .get("subject"));
  }

  @Test
  void checkNamesUnknownVariablesSyntaxAndAMissingFallback() {
    List<Violation> problems =
        TemplateRenderer.check(
            new TemplateContent(
                Channel.EMAIL,
                "fr",
                Map.of(
                    "en",
                    Map.of(
                        "subject", "{{customer.nmae}}",
                        "html",
                            "<p>{{customer.attributes.plan}} {{#evidence.findings}}{{summary}}{{/evidence.findings}}</p>",
                        "text", "line one\n{{#case.summary}}{{/case.summry}}"))));
    assertEquals(3, problems.size(), problems.toString());
    assertEquals("/fallbackLocale", problems.get(0).pointer());
    assertEquals("/variants/en/subject", problems.get(1).pointer());
    assertTrue(problems.get(1).message().contains("customer.nmae"), problems.toString());
    assertTrue(problems.get(1).message().contains("line 1"), problems.toString());
    assertEquals("/variants/en/text", problems.get(2).pointer());
  }

  @Test
  @Tag("security")
  void unescapedVariablesAreRefusedWithTheirLine() {
    for (String form :
        List.of("{{{customer.name}}}", "{{& customer.name}}", "{{&customer.name}}")) {
      List<Violation> problems =
          TemplateRenderer.check(
              new TemplateContent(
                  Channel.EMAIL,
                  "en",
                  Map.of(
                      "en",
                      Map.of("subject", "Hi", "html", "<p>\n" + form + "</p>", "text", "x"))));
      assertEquals(1, problems.size(), form + ": " + problems);
      assertEquals("/variants/en/html", problems.get(0).pointer());
      assertTrue(problems.get(0).message().contains("line 2"), problems.toString());
    }
  }

  @Test
  @Tag("security")
  void anActionPageBodyWithScriptOrHandlersIsRefusedAndNamed() {
    List<Violation> problems =
        TemplateRenderer.check(
            new TemplateContent(
                Channel.ACTION_PAGE,
                "en",
                Map.of(
                    "en",
                    Map.of(
                        "title",
                        "Hi",
                        "body",
                        "<p onclick=\"x()\">Hi {{customer.firstName}}</p><script>x()</script>"
                            + "<iframe src=\"https://a.example\"></iframe>"
                            + "<a href=\"javascript:x()\">go</a>"))));
    assertEquals(1, problems.size(), problems.toString());
    String message = problems.get(0).message();
    for (String named : List.of("<script>", "<iframe>", "onclick on <p>", "<a>")) {
      assertTrue(message.contains(named), named + " in " + message);
    }
    assertEquals(
        List.of(),
        TemplateRenderer.check(
            new TemplateContent(
                Channel.ACTION_PAGE,
                "en",
                Map.of(
                    "en",
                    Map.of(
                        "title",
                        "Hi",
                        "body",
                        "<h2>Hi {{customer.firstName}}</h2><p style=\"color:#333\">Your <b>bill</b>"
                            + " <a href=\"{{links.offer}}\">offer</a></p>"
                            + "<img src=\"https://cdn.example.com/logo.png\" alt=\"logo\">")))),
        "plain formatting, https images and our own links pass");
  }

  @Test
  void everyListedVariableChecksClean() {
    StringBuilder text = new StringBuilder();
    for (String name : MessageVariables.names()) {
      if (!name.contains(" ") && !name.endsWith("*")) {
        text.append("{{").append(name).append("}}");
      }
    }
    assertEquals(
        List.of(),
        TemplateRenderer.check(
            new TemplateContent(Channel.SMS, "en", Map.of("en", Map.of("text", text.toString())))));
  }

  @Test
  void smsLengthCountsGsmExtensionsTwiceAndSplitsUnicodeEarlier() {
    assertEquals(new SmsLength(0, false, 0), SmsLength.of(""));
    assertEquals(new SmsLength(160, false, 1), SmsLength.of("a".repeat(160)));
    assertEquals(new SmsLength(161, false, 2), SmsLength.of("a".repeat(159) + "€"));
    assertEquals(new SmsLength(307, false, 3), SmsLength.of("a".repeat(307)));
    assertEquals(new SmsLength(71, true, 2), SmsLength.of("ł" + "a".repeat(70)));
  }
}
