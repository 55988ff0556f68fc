package io.forestall.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.forestall.testsupport.Api;
import io.forestall.testsupport.Browser;
import io.forestall.testsupport.KeycloakForTests;
import io.forestall.testsupport.Nginx;
import io.forestall.testsupport.Outreach;
import io.forestall.testsupport.ServerProcess;
import io.forestall.testsupport.Wait;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two Forestall nodes on this machine, on port offsets 0 and 200 against one PostgreSQL schema,
 * clustered over JGroups on loopback, with nginx in front on port 8088: the work is shared, not
 * doubled, a node killed while dispatching or scanning leaves its work to the other (exactly one
 * email and one case each), and a signed-in user outlives the death of their node, and then that of
 * its peer right after the first one rejoined. Scans run at most once a minute, so the scan test
 * waits two whole minutes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String SCHEMA = "forestall_cluster";
  private static final int PLAYBOOKS = 6;
  private static final int SMTP_PORT = 3125;
  private static final int EMAILS = 1000;
  private static final String DOMAIN = "@cluster.example.com";
  private static final int SCAN_CUSTOMERS = 40;
  private static final Map<String, String> CLUSTER =
      Map.of(
          "FORESTALL_CLUSTER_HOSTS", "127.0.0.1[7600],127.0.0.1[7800]",
          "FORESTALL_SMTP_PORT", "" + SMTP_PORT,
          "FORESTALL_OUTBOX_LEASE", "PT15S");
  private static final ServerProcess A = new ServerProcess("node-a", SCHEMA, CLUSTER, 0);
  private static final ServerProcess B = new ServerProcess("node-b", SCHEMA, CLUSTER, 200);
  private static final Nginx NGINX = new Nginx(8088);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
  private static Process keycloak;
  private static String key;

  @RegisterExtension final Browser browser = new Browser();

  @BeforeAll
  static void startCluster() throws Exception {
    SMTP.start();
    keycloak = KeycloakForTests.ensureRunning(Path.of("target"));
    A.resetSchema();
    A.start();
    B.start();
    NGINX.start(List.of("127.0.0.1:8080", "127.0.0.1:8280"));
    key = Api.key("acme-admin", "FULL");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    NGINX.close();
    B.stop();
    A.stop();
    KeycloakForTests.stop(keycloak);
    SMTP.stop();
  }

  @Test
  @Order(1)
  void eventsSentToEitherNodeAreSeenByBoth() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (ServerProcess to : List.of(A, B)) {
      String customer = "CL-" + run + "-" + to.url().substring(to.url().lastIndexOf(':') + 1);
      Api.Answer sent =
          Api.post(
              to.url() + "/api/v1/events",
              key,
              "{\"id\":\""
                  + customer
                  + "\",\"customer\":\""
                  + customer
                  + "\","
                  + "\"type\":\"usage.daily\",\"occurredAt\":\""
                  + Instant.now()
                  + "\",\"value\":3}");
      assertEquals(202, sent.status(), sent.body());
      for (ServerProcess from : List.of(A, B)) {
        Api.Answer seen = Api.get(from.url() + "/api/v1/customers/" + customer + "/events", key);
        assertEquals(200, seen.status(), seen.body());
        assertEquals(1, seen.json().getInt("total"), customer + " through " + from.url());
      }
    }
  }

  @Test
  @Order(2)
  void eachScheduledScanRunsOnceAcrossTheNodes() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 6);
    List<Long> playbooks = new ArrayList<>();
    for (int i = 0; i < PLAYBOOKS; i++) {
      Api.Answer created =
          Api.post(
              List.of(A, B).get(i % 2).url() + "/api/v1/playbooks",
              key,
              "{\"name\":\"Cluster heartbeat "
                  + run
                  + "-"
                  + i
                  + "\",\"level\":\"ALERT\","
                  + "\"schedule\":\"0 * * * * ?\",\"cooldown\":\"P30D\",\"trigger\":{\"conditions\":"
                  + "[{\"kind\":\"THRESHOLD\",\"eventType\":\"usage.daily\",\"aggregate\":\"SUM\","
                  + "\"window\":\"P1D\",\"comparison\":\"GT\",\"value\":1000000}]}}");
      assertEquals(201, created.status(), created.body());
      long id = created.json().getJsonNumber("id").longValue();
      Api.Answer published = Api.post(B.url() + "/api/v1/playbooks/" + id + "/publish", key, "");
      assertEquals(200, published.status(), published.body());
      playbooks.add(id);
    }
    // Two whole minutes: each playbook's cron fires twice, whichever node takes it.
    long firstMinute = Instant.now().getEpochSecond() / 60 + 1;
    Instant over = Instant.ofEpochSecond((firstMinute + 2) * 60 + 5);
    Set<String> nodes = new HashSet<>();
    Map<Long, List<Long>> minutes;
    try (Connection c = A.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select playbook_id, started_at, node from scan_run where mode = 'SCHEDULED'"
                    + " and playbook_id = any (?) order by started_at")) {
      q.setArray(1, c.createArrayOf("bigint", playbooks.toArray()));
      minutes =
          Wait.until(
              "the two minutes from "
                  + Instant.ofEpochSecond(firstMinute * 60)
                  + " are over with a scheduled scan of each playbook in each",
              Duration.between(Instant.now(), over).plusMinutes(1),
              () -> {
                Map<Long, List<Long>> seen = new HashMap<>();
                nodes.clear();
                try (ResultSet r = q.executeQuery()) {
                  while (r.next()) {
                    long minute = r.getTimestamp(2).toInstant().getEpochSecond() / 60;
                    if (minute >= firstMinute && minute < firstMinute + 2) {
                      seen.computeIfAbsent(r.getLong(1), p -> new ArrayList<>()).add(minute);
                      nodes.add(r.getString(3));
                    }
                  }
                }
                return seen;
              },
              seen ->
                  Instant.now().isAfter(over)
                      && playbooks.stream()
                          .allMatch(p -> seen.getOrDefault(p, List.of()).size() >= 2));
    }
    System.out.printf(
        "Cluster: scheduled scans per playbook and minute %s on %s%n", minutes, nodes);
    for (long playbook : playbooks) {
      assertEquals(
          List.of(firstMinute, firstMinute + 1),
          minutes.get(playbook),
          "playbook " + playbook + " scanned once a minute: " + minutes);
    }
  }

  @Test
  @Order(4)
  void aNodeKilledWhileDispatchingLeavesItsEmailsToTheOther() throws Exception {
    String brightwheel = Api.key("brightwheel-admin", "FULL");
    Outreach.openGuardrails(brightwheel);
    long template =
        Outreach.emailTemplate(
            brightwheel,
            "Cluster notice " + UUID.randomUUID().toString().substring(0, 6),
            "{\"en\":{\"subject\":\"A notice for {{customer.firstName}}\","
                + "\"html\":\"<p>{{case.summary}}</p>\",\"text\":\"{{case.summary}}\"}}");
    Outreach.playbook(brightwheel, "Cluster notice", "ALERT", "cluster.notice", template, "");
    Outreach.customers(brightwheel, "CN-", EMAILS, DOMAIN.substring(1));
    Outreach.events(brightwheel, "cluster.notice", "CN-", 0, EMAILS);

    Wait.until(
        "a third of the " + EMAILS + " emails reach the SMTP server",
        Duration.ofMinutes(3),
        () -> Outreach.received(SMTP, DOMAIN).size(),
        received -> received >= EMAILS / 3);
    A.kill();
    int atKill = Outreach.received(SMTP, DOMAIN).size();
    try {
      Outreach.awaitSent(B, DOMAIN, EMAILS, Duration.ofMinutes(3));
      // The documented window: a message node-a had handed over with only its final dot left, whose
      // dot the kill stopped. At most one per sender, and only those.
      Map<String, String> missing =
          Wait.until(
              "the SMTP server has every email the outbox sent but those the kill cut short",
              Duration.ofSeconds(30),
              () -> {
                Set<String> got = new HashSet<>();
                for (MimeMessage m : Outreach.received(SMTP, DOMAIN)) {
                  got.add(m.getAllRecipients()[0].toString());
                }
                return Outreach.unreceived(B, DOMAIN, got);
              },
              unreceived ->
                  unreceived.values().stream()
                      .allMatch(reason -> reason.contains("sent when the dispatcher stopped")));
      Map<String, Integer> perRecipient = new HashMap<>();
      for (MimeMessage m : Outreach.received(SMTP, DOMAIN)) {
        perRecipient.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
      }
      System.out.printf(
          "Cluster: %d emails when node-a died, %d in all for %d cases; missing %s%n",
          atKill, Outreach.received(SMTP, DOMAIN).size(), EMAILS, missing);
      assertTrue(atKill < EMAILS, "node-a died in the middle of dispatching");
      assertEquals(
          perRecipient.size(),
          Outreach.received(SMTP, DOMAIN).size(),
          "no customer got two emails");
      assertTrue(missing.size() <= 8, "missing " + missing);
    } finally {
      A.start();
    }
    assertEquals(200, Api.get(A.url() + "/api/v1/customers/CN-0", brightwheel).status());
  }

  @Test
  @Order(3)
  void aSignedInAgentKeepsWorkingWhenTheirNodeDiesAndAgainWhenItsPeerDiesAfterItsReturn()
      throws Exception {
    browser.login(NGINX.url(), "/tasks/queue.xhtml", "acme-agent");
    WebDriver page = browser.open();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("queue:tasks")));
    String user = page.findElement(By.id("userName")).getText();
    List<String> open = customers(page);
    assertFalse(open.isEmpty(), "the demo's open tasks");
    view(page, 1);

    ServerProcess first = servingNode();
    ServerProcess second = first == A ? B : A;
    first.kill();
    try {
      view(page, 0);
      assertStillWorking(page, open, "after " + first.url() + " died");
      page.navigate().refresh();
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("userName")));
      assertEquals(user, page.findElement(By.id("userName")).getText());
      assertFalse(page.getPageSource().contains("kc-login"), "sent to log in again");
      assertTrue(servingNode() == second, "nginx moved the user to the other node");

      // The first node returns and takes its share of the sessions from the second, which then dies
      // at once: the session lives on in the node that has just rejoined.
      first.start();
      view(page, 1);
      second.kill();
      view(page, 0);
      browser.screenshot("cluster-after-failover");
      assertStillWorking(page, open, "after " + second.url() + " died, right after the rejoin");
      assertTrue(servingNode() == first, "nginx moved the user back to the rejoined node");
    } finally {
      for (ServerProcess node : List.of(first, second)) {
        if (!node.running()) {
          node.start();
        }
      }
    }
  }

  @Test
  @Order(5)
  void aNodeKilledInTheMiddleOfAScanLeavesItToTheOther() throws Exception {
    String globex = Api.key("globex-admin", "FULL");
    String run = UUID.randomUUID().toString().substring(0, 6);
    Outreach.events(globex, "scan.kill." + run, "SK-" + run + "-", 0, SCAN_CUSTOMERS);
    Api.Answer created =
        Api.post(
            A.url() + "/api/v1/playbooks",
            globex,
            "{\"name\":\"Cluster kill "
                + run
                + "\",\"level\":\"IGNORE\",\"schedule\":\"0 * * * * ?\",\"trigger\":{\"conditions\":"
                + "[{\"kind\":\"THRESHOLD\",\"eventType\":\"scan.kill."
                + run
                + "\",\"aggregate\":\"COUNT\",\"window\":\"P1D\",\"comparison\":\"GT\",\"value\":0}]}}");
    assertEquals(201, created.status(), created.body());
    long playbook = created.json().getJsonNumber("id").longValue();
    assertEquals(
        200, Api.post(A.url() + "/api/v1/playbooks/" + playbook + "/publish", globex, "").status());

    String killed;
    try (Connection lock = A.connect()) {
      // The scan ends by moving the playbook's watermark: holding that row (but not its key, which
      // the scan's inserts refer to) stops it there, with its cases written but not committed,
      // until its node is killed.
      lock.setAutoCommit(false);
      try (PreparedStatement q =
          lock.prepareStatement("select id from playbook where id = ? for no key update")) {
        q.setLong(1, playbook);
        q.executeQuery().close();
      }
      awaitBlockedBy(single(lock, "select pg_backend_pid()"), Duration.ofSeconds(90));
      assertEquals(
          "0",
          single(lock, "select count(*) from customer_case where playbook_id = " + playbook),
          "the scan's cases are not committed yet");
      killed = single(lock, "select node from scan_run where playbook_id = " + playbook);
      node(killed).kill();
      lock.rollback();
    }
    String other = killed.equals("node-a") ? "node-b" : "node-a";
    try (Connection c = node(other).connect()) {
      String runs =
          Wait.until(
              other + " runs the scan killed on " + killed + " again",
              Duration.ofSeconds(90),
              () ->
                  single(
                      c,
                      "select string_agg(node || ' ' || coalesce(created::text, '-') || ' '"
                          + " || coalesce(error, 'ok'), ' | ' order by id) from scan_run"
                          + " where playbook_id = "
                          + playbook),
              seen -> seen != null && seen.contains(other + " " + SCAN_CUSTOMERS + " ok"));
      System.out.printf("Cluster: runs of the scan killed on %s: %s%n", killed, runs);
      // The interrupted run is closed as such, and the other node's re-run does all the work.
      assertTrue(
          runs.startsWith(
              killed
                  + " - Interrupted: node "
                  + killed
                  + " stopped during the scan; node "
                  + other
                  + " ran it again | "
                  + other
                  + " "
                  + SCAN_CUSTOMERS
                  + " ok"),
          runs);
      assertEquals(
          SCAN_CUSTOMERS + " " + SCAN_CUSTOMERS,
          single(
              c,
              "select count(*) || ' ' || count(distinct customer_id) from customer_case"
                  + " where playbook_id = "
                  + playbook),
          "one case per customer");
    } finally {
      node(killed).start();
    }
  }

  private static ServerProcess node(String name) {
    return name.equals("node-a") ? A : B;
  }

  /** Waits until a scan waits for a lock that the session {@code pid} holds. */
  private static void awaitBlockedBy(String pid, Duration within) throws Exception {
    try (Connection c = A.connect()) {
      Wait.until(
          "a scan waits for the playbook's row, which backend " + pid + " holds",
          within,
          () ->
              !single(
                      c,
                      "select count(*) from pg_stat_activity where "
                          + pid
                          + " = any (pg_blocking_pids(pid))")
                  .equals("0"));
    }
  }

  private static String single(Connection c, String sql) throws Exception {
    try (PreparedStatement q = c.prepareStatement(sql);
        ResultSet r = q.executeQuery()) {
      r.next();
      return r.getString(1);
    }
  }

  /**
   * The queue answered the last postback from the user's session, with none of the error dialogs.
   */
  private static void assertStillWorking(WebDriver page, List<String> open, String when) {
    for (String dialog : List.of("errorDialog", "expiredDialog", "connectionDialog")) {
      assertFalse(page.findElement(By.id(dialog)).isDisplayed(), dialog + " " + when);
    }
    assertEquals(open, customers(page), "the same open tasks " + when);
    assertTrue(
        page.getCurrentUrl().startsWith(NGINX.url() + "/tasks/queue.xhtml"), page.getCurrentUrl());
  }

  /**
   * Picks the queue's {@code index}th view, an AJAX postback that needs the session's view state.
   */
  private void view(WebDriver page, int index) {
    WebElement option = page.findElements(By.cssSelector("#queue\\:view .ui-button")).get(index);
    option.click();
    browser
        .waiting()
        .until(ExpectedConditions.attributeContains(option, "class", "ui-state-active"));
    browser
        .waiting()
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
  }

  /** The customers of the queue's rows, in order (their SLA countdowns move on). */
  private static List<String> customers(WebDriver page) {
    return Pattern.compile("ACME-\\d+")
        .matcher(page.findElement(By.id("queue:tasks")).getText())
        .results()
        .map(MatchResult::group)
        .toList();
  }

  /** The node nginx sends this machine's requests to now. */
  private static ServerProcess servingNode() throws Exception {
    HttpResponse<Void> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(NGINX.url() + "/missing.xhtml")).build(),
            HttpResponse.BodyHandlers.discarding());
    String upstream = answer.headers().firstValue("X-Upstream").orElseThrow();
    String last = upstream.substring(upstream.lastIndexOf(", ") + 1).strip();
    return last.endsWith(":8080") ? A : B;
  }
}
