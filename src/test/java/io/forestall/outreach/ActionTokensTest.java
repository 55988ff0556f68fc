package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.testsupport.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private ActionTokens tokens;

  @BeforeEach
  void setUp() {
    tokens = new ActionTokens();
    tokens.box = Secrets.demoBox();
  }

  @Test
  void aTokenNamesItsTenantMessageAndExpiry() {
    String token = tokens.issue("acme", 4711, NOW.plusSeconds(60));
    ActionTokens.Reading reading = tokens.read(token, NOW);
    assertTrue(reading.valid());
    assertEquals(new ActionTokens.Claims("acme", 4711, NOW.plusSeconds(60)), reading.claims());
  }

  @Test
  void anExpiredTokenIsRefusedAsExpired() {
    String token = tokens.issue("acme", 4711, NOW.minusSeconds(1));
    assertEquals(ActionTokens.Refusal.EXPIRED, tokens.read(token, NOW).refusal());
  }

  @Test
  void aChangedTagOrPayloadIsForged() {
    String token = tokens.issue("acme", 4711, NOW.plusSeconds(60));
    int dot = token.indexOf('.');
    char last = token.charAt(token.length() - 2);
    String tag =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertEquals(ActionTokens.Refusal.FORGED, tokens.read(tag, NOW).refusal());
    String otherMessage =
        payload("acme:4712:" + NOW.plusSeconds(60).getEpochSecond()) + token.substring(dot);
    assertEquals(ActionTokens.Refusal.FORGED, tokens.read(otherMessage, NOW).refusal());
    String longer =
        payload("acme:4711:" + NOW.plusSeconds(999_999).getEpochSecond()) + token.substring(dot);
    assertEquals(ActionTokens.Refusal.FORGED, tokens.read(longer, NOW).refusal());
  }

  @Test
  void anotherTenantsNameOnATokenIsForged() {
    String token = tokens.issue("acme", 4711, NOW.plusSeconds(60));
    String moved =
        payload("globex:4711:" + NOW.plusSeconds(60).getEpochSecond())
            + token.substring(token.indexOf('.'));
    assertEquals(ActionTokens.Refusal.FORGED, tokens.read(moved, NOW).refusal());
    String globex = tokens.issue("globex", 4711, NOW.plusSeconds(60));
    assertTrue(
        !globex.substring(globex.indexOf('.')).equals(token.substring(token.indexOf('.'))),
        "each tenant signs with its own key");
  }

  @Test
  void garbageIsMalformed() {
    for (String bad :
        new String[] {
          null,
          "",
          "abc",
          "preview",
          "%%%%%%%%%.aaaaaaaaaaaaaaaaaaaaaa",
          payload("acme:x:1") + ".aaaaaaaaaaaaaaaaaaaaaa",
          payload("acme:1") + ".aaaaaaaaaaaaaaaaaaaaaa"
        }) {
      ActionTokens.Reading reading = tokens.read(bad, NOW);
      assertEquals(ActionTokens.Refusal.MALFORMED, reading.refusal(), String.valueOf(bad));
      assertNull(reading.claims());
    }
  }

  private static String payload(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
