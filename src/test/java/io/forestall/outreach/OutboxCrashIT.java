package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.KeycloakForTests;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.ServerProcess;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      long playbook = Outreach.playbook(key, "Recall", "ALERT", "recall.issued", template, "");
      Outreach.customers(key, "CR-", CASES, DOMAIN.substring(1));
      for (int from = 0; from < CASES; from += 1000) {
        Outreach.events(key, "recall.issued", "CR-", from, Math.min(CASES, from + 1000));
      }

      while (Outreach.received(smtp, DOMAIN).size() < CASES / 3) {
        Thread.sleep(10);
      }
      server.kill();
      int atKill = Outreach.received(smtp, DOMAIN).size();
      String inFlight = inFlight(server);
      assertTrue(atKill < CASES, "the kill came in the middle of dispatching");
      server.start();
      awaitAllSent(server, playbook);
      Thread.sleep(2_000);

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
      assertEquals(
          CASES,
          perRecipient.size(),
          "every case's customer got an email: " + missing(server, perRecipient));
      assertEquals(CASES, mails.size(), "and none got two: " + doubles(perRecipient));
      assertEquals(CASES, perMessageId.size());
    } finally {
      server.stop();
      KeycloakForTests.stop(keycloak);
      smtp.stop();
    }
  }

  /** Waits until every message of the playbook's cases is sent, up to five minutes. */
  private static void awaitAllSent(ServerProcess server, long playbook) throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select count(*) filter (where m.state = 'SENT'), count(*) from outreach_message m"
                    + " join customer_case k on k.id = m.case_id where k.playbook_id = ?")) {
      q.setLong(1, playbook);
      while (true) {
        try (ResultSet r = q.executeQuery()) {
          r.next();
          if (r.getInt(1) == CASES && r.getInt(2) == CASES) {
            return;
          }
          if (System.nanoTime() > deadline) {
            throw new AssertionError(r.getInt(1) + " of " + r.getInt(2) + " messages sent");
          }
        }
        Thread.sleep(500);
      }
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

  /** The messages of customers the SMTP server got nothing for, as the outbox has them. */
  private static String missing(ServerProcess server, Map<String, Integer> perRecipient)
      throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select m.id, m.recipient, m.state, m.attempts, m.reason, m.sent_at, m.updated_at"
                    + " from outreach_message m where m.recipient like ?")) {
      q.setString(1, "%" + DOMAIN);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          if (!perRecipient.containsKey(r.getString(2))) {
            rows.add(
                r.getLong(1)
                    + " "
                    + r.getString(2)
                    + " "
                    + r.getString(3)
                    + " attempts "
                    + r.getInt(4)
                    + " reason "
                    + r.getString(5)
                    + " sent "
                    + r.getObject(6)
                    + " updated "
                    + r.getObject(7));
          }
        }
      }
    }
    return rows.toString();
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
