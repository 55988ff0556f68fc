package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.KeycloakForTests;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.ServerProcess;
import io.forestall.testsupport.Wait;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The outbox survives {@code kill -9}: a server dispatching a few thousand emails is killed in the
 * middle, started again on the same database, and the SMTP server ends up with exactly one email
 * per case. Runs its own server on PostgreSQL after the other integration tests.
 */
class OutboxCrashIT {

  private static final int CASES = Integer.getInteger("crash.cases", 3000);
  private static final int SMTP_PORT = 3125;
  private static final String DOMAIN = "@crash.example.com";

  @Test
  void aKillDuringDispatchLosesNoMessageAndSendsNoneTwice() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    smtp.start();
    ServerProcess server =
        new ServerProcess(
            "crash-server", "forestall_crash", Map.of("FORESTALL_SMTP_PORT", "" + SMTP_PORT));
    Process keycloak = KeycloakForTests.ensureRunning(Path.of("target"));
    try {
      server.resetSchema();
      server.start();
      String key = Api.key("brightwheel-admin", "FULL");
      Outreach.openGuardrails(key);
      long template =
          Outreach.emailTemplate(
              key,
              "Recall notice",
              "{\"en\":{\"subject\":\"A recall for your car, {{customer.firstName}}\","
                  + "\"html\":\"<p>{{case.summary}}</p>\",\"text\":\"{{case.summary}}\"}}");
      Outreach.playbook(key, "Recall", "ALERT", "recall.issued", template, "");
      Outreach.customers(key, "CR-", CASES, DOMAIN.substring(1));
      for (int from = 0; from < CASES; from += 1000) {
        Outreach.events(key, "recall.issued", "CR-", from, Math.min(CASES, from + 1000));
      }

      Wait.until(
          "a third of the " + CASES + " emails reach the SMTP server",
          Duration.ofMinutes(5),
          () -> Outreach.received(smtp, DOMAIN).size(),
          received -> received >= CASES / 3);
      server.kill();
      int atKill = Outreach.received(smtp, DOMAIN).size();
      String inFlight = inFlight(server);
      assertTrue(atKill < CASES, "the kill came in the middle of dispatching");
      server.start();
      Outreach.awaitSent(server, DOMAIN, CASES, Duration.ofMinutes(5));
      Wait.until(
          "every case's customer has their email at the SMTP server",
          Duration.ofSeconds(30),
          () -> {
            Set<String> got = new HashSet<>();
            for (MimeMessage m : Outreach.received(smtp, DOMAIN)) {
              got.add(m.getAllRecipients()[0].toString());
            }
            return Outreach.unreceived(server, DOMAIN, got);
          },
          Map::isEmpty);

      List<MimeMessage> mails = Outreach.received(smtp, DOMAIN);
      Map<String, Integer> perMessageId = new HashMap<>();
      Map<String, Integer> perRecipient = new HashMap<>();
      for (MimeMessage m : mails) {
        perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
      }
      System.out.printf(
          "Crash test: %d emails before the kill (%s), %d in all for %d cases%n",
          atKill, inFlight, mails.size(), CASES);
      assertEquals(CASES, perRecipient.size(), "every case's customer got an email");
      assertEquals(CASES, mails.size(), "and none got two: " + doubles(perRecipient));
      assertEquals(CASES, perMessageId.size());
    } finally {
      server.stop();
      KeycloakForTests.stop(keycloak);
      smtp.stop();
    }
  }

  /** The outbox states left by the kill, such as {@code {QUEUED=1990, SENDING=8, HANDED=1}}. */
  private static String inFlight(ServerProcess server) throws Exception {
    Map<String, Integer> states = new java.util.TreeMap<>();
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement("select state, count(*) from outreach_message group by state");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        states.put(r.getString(1), r.getInt(2));
      }
    }
    return states.toString();
  }

  private static String doubles(Map<String, Integer> perRecipient) {
    return perRecipient.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(5)
        .map(Map.Entry::toString)
        .toList()
        .toString();
  }
}
