package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.forestall.kernel.Violation;
import io.forestall.outreach.ChannelSettings.TokenChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a tenant's channel settings keep, field by field. */
class ChannelSettingsRulesTest {

  private static ChannelSettings sms(String url, String sender) {
    return new ChannelSettings(null, null, null, true, url, sender, false);
  }

  private static List<String> pointers(ChannelSettings s, TokenChange token, boolean kept) {
    return ChannelSettingsService.check(s, token, kept).stream().map(Violation::pointer).toList();
  }

  @Test
  void goodSettingsPass() {
    assertEquals(
        List.of(),
        pointers(
            new ChannelSettings(
                "Globex Service",
                "service@globex.example",
                "help@globex.example",
                true,
                "https://sms.example.com/v1/messages",
                "Globex",
                false),
            TokenChange.replace("tok_123"),
            false));
    assertEquals(
        List.of(),
        pointers(sms("http://localhost:8089/sms", "+4915112345678"), TokenChange.keep(), true));
    assertEquals(List.of(), pointers(ChannelSettings.DEFAULTS, TokenChange.clear(), false));
  }

  @Test
  void eachBadFieldIsNamed() {
    ChannelSettings bad =
        new ChannelSettings(
            "Globex\r\nBcc: all@example.com",
            "not an address",
            "Support <help@globex.example>",
            false,
            "ftp://sms.example.com",
            "Globex Airlines",
            false);
    assertEquals(
        List.of(
            "/emailSenderName",
            "/emailFromAddress",
            "/emailReplyTo",
            "/smsProviderUrl",
            "/smsSenderId",
            "/smsAuthToken"),
        pointers(bad, TokenChange.replace("has spaces in it"), false));
  }

  @Test
  void urlsMustBeAbsoluteHttpWithoutCredentials() {
    for (String url :
        List.of(
            "sms.example.com/v1", "/v1/messages", "https://user:pw@sms.example.com/", "https://")) {
      assertEquals(
          List.of("/smsProviderUrl"), pointers(sms(url, "Globex"), TokenChange.keep(), true), url);
    }
  }

  @Test
  void senderIdsAreShortAlphanumericOrE164() {
    for (String sender : List.of("123456", "Globex-Air", "+0123456789", "ABCDEFGHIJKL")) {
      assertEquals(
          List.of("/smsSenderId"),
          pointers(sms("https://sms.example.com", sender), TokenChange.keep(), true),
          sender);
    }
  }

  @Test
  void sendingSmsNeedsUrlSenderAndToken() {
    assertEquals(
        List.of("/smsProviderUrl", "/smsSenderId", "/smsAuthToken"),
        pointers(sms(null, null), TokenChange.keep(), false));
    assertEquals(
        List.of("/smsAuthToken"),
        pointers(sms("https://sms.example.com", "Globex"), TokenChange.clear(), false));
  }
}
