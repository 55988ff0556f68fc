package io.forestall.bench;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outbox dispatch benchmark ({@code ./mvnw -Pdispatchbench verify}): the provisioned server on
 * PostgreSQL sends a burst of emails for as many cases to a local SMTP server ({@link SmtpSink}, or
 * GreenMail with {@code -Dbench.smtp=greenmail}) and prints messages per second and duplicates;
 * then single events arrive one by one and it prints how long each took from being accepted to its
 * email being handed to SMTP (p50, p95).
 */
public final class DispatchBenchmark {

  private static final int SMTP_PORT = 3125;
  private static final String DOMAIN = "@bench.example.com";
  private final int burst = Integer.getInteger("bench.messages", 5000);
  private final int singles = Integer.getInteger("bench.singles", 200);
  private final boolean greenMail = "greenmail".equals(System.getProperty("bench.smtp", "sink"));
  private final ServerProcess server =
      new ServerProcess(
          "dispatch-bench-server",
          "forestall_dispatch_bench",
          Map.of("FORESTALL_SMTP_PORT", "" + SMTP_PORT));

  public static void main(String[] args) throws Exception {
    new DispatchBenchmark().run();
  }

  private void run() throws Exception {
    GreenMail smtp = null;
    SmtpSink sink = null;
    if (greenMail) {
      smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
      smtp.start();
    } else {
      sink = new SmtpSink(SMTP_PORT);
    }
    Process keycloak = KeycloakForTests.ensureRunning(Path.of("target"));
    try {
      server.resetSchema();
      server.start();
      String key = Api.key("brightwheel-admin", "FULL");
      Outreach.openGuardrails(key);
      long template =
          Outreach.emailTemplate(
              key,
              "Bench notice",
              "{\"en\":{\"subject\":\"About your car, {{customer.firstName}}\","
                  + "\"html\":\"<p>{{case.summary}}</p><p><a href=\\\"{{links.action}}\\\">Answer</a>"
                  + "</p>\",\"text\":\"{{case.summary}} {{links.action}}\"}}");
      long burstPlaybook = Outreach.playbook(key, "Burst", "ALERT", "bench.burst", template, "");
      long singlePlaybook = Outreach.playbook(key, "Single", "ALERT", "bench.single", template, "");
      System.out.printf("Creating %d customers...%n", burst + singles);
      Outreach.customers(key, "B-", burst + singles, DOMAIN.substring(1));
      analyze();

      System.out.printf("Queueing %d messages...%n", burst);
      for (int from = 0; from < burst; from += 1000) {
        Outreach.events(key, "bench.burst", "B-", from, Math.min(burst, from + 1000));
      }
      Outreach.awaitSent(server, DOMAIN, burst, Duration.ofMinutes(10));
      reportBurst(greenMail ? perRecipient(smtp) : sink.received(), burstPlaybook);

      System.out.printf("Sending %d single events, 5 per second...%n", singles);
      for (int i = burst; i < burst + singles; i++) {
        Outreach.events(key, "bench.single", "B-", i, i + 1);
        Thread.sleep(200);
      }
      Outreach.awaitSent(server, DOMAIN, burst + singles, Duration.ofMinutes(10));
      reportLatency(singlePlaybook);
    } finally {
      server.stop();
      KeycloakForTests.stop(keycloak);
      if (smtp != null) {
        smtp.stop();
      }
      if (sink != null) {
        sink.close();
      }
    }
  }

  private static Map<String, Integer> perRecipient(GreenMail smtp) throws Exception {
    Map<String, Integer> perRecipient = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      perRecipient.merge(
          m.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
    return perRecipient;
  }

  private void reportBurst(Map<String, Integer> received, long playbook) throws Exception {
    Duration span;
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select min(m.sent_at), max(m.sent_at) from outreach_message m"
                    + " join customer_case k on k.id = m.case_id where k.playbook_id = ?")) {
      q.setLong(1, playbook);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        span =
            Duration.between(
                r.getObject(1, java.time.OffsetDateTime.class),
                r.getObject(2, java.time.OffsetDateTime.class));
      }
    }
    Map<String, Integer> perRecipient = new HashMap<>();
    received.forEach(
        (to, n) -> {
          if (to.startsWith("b-") && to.endsWith(DOMAIN)) {
            perRecipient.put(to, n);
          }
        });
    long duplicates = perRecipient.values().stream().mapToLong(n -> n - 1).sum();
    System.out.println();
    System.out.printf(
        "Dispatch burst to %s: %d messages to SMTP in %.2f s = %.0f messages/s; %d recipients,"
            + " %d duplicates%n",
        greenMail ? "GreenMail" : "the SMTP sink",
        burst,
        span.toMillis() / 1000.0,
        burst / Math.max(0.001, span.toMillis() / 1000.0),
        perRecipient.size(),
        duplicates);
  }

  private void reportLatency(long playbook) throws Exception {
    List<Long> millis = new ArrayList<>();
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select extract(epoch from (m.sent_at - e.received_at)) * 1000"
                    + " from outreach_message m join customer_case k on k.id = m.case_id"
                    + " join customer_event e on e.customer_id = k.customer_id"
                    + " and e.type = 'bench.single' where k.playbook_id = ?")) {
      q.setLong(1, playbook);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          millis.add(Math.round(r.getDouble(1)));
        }
      }
    }
    millis.sort(null);
    System.out.printf(
        "Event accepted to email handed to SMTP, %d single events: p50 %d ms, p95 %d ms, max %d"
            + " ms%n%n",
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
        millis.get(millis.size() - 1));
  }

  /** Fresh statistics for the tables just filled, as autovacuum would gather them in time. */
  private void analyze() throws Exception {
    try (Connection c = server.connect();
        var statement = c.createStatement()) {
      statement.execute("analyze customer");
      statement.execute("analyze customer_case");
      statement.execute("analyze outreach_message");
    }
  }
}
