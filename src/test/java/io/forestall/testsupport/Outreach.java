package io.forestall.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.forestall.testsupport.Api.Answer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds outreach through the public API as a tenant would, and watches what comes out. */
public final class Outreach {

  private static final Pattern LINK =
      Pattern.compile("(" + Pattern.quote(Api.PUBLIC) + "/r/[A-Za-z0-9_.-]+)");

  private static final HttpClient BROWSER =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private Outreach() {}

  /** No quiet hours and a generous cap, so tests' messages go out at once. */
  public static void openGuardrails(String key) {
    Answer open =
        Api.put(
            "/api/v1/settings/outreach",
            key,
            "{\"quietStart\":\"00:00\",\"quietEnd\":\"00:00\",\"capMessages\":50,\"capDays\":1}");
    assertEquals(200, open.status(), open.body());
  }

  /** A published email template; {@code variants} is the JSON object of locale to parts. */
  public static long emailTemplate(String key, String name, String variants) {
    Answer template =
        Api.post(
            "/api/v1/templates",
            key,
            "{\"name\":\""
                + name
                + "\",\"channel\":\"EMAIL\",\"fallbackLocale\":\"en\",\"variants\":"
                + variants
                + "}");
    assertEquals(201, template.status(), template.body());
    long id = template.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/templates/" + id + "/publish", key, "").status());
    return id;
  }

  /**
   * A published playbook firing on each {@code eventType} event, writing email with {@code
   * template}; {@code extra} adds definition fields (", \"options\": […]").
   */
  public static long playbook(
      String key, String name, String level, String eventType, long template, String extra) {
    return playbook(key, name, level, eventType, "EMAIL", template, extra);
  }

  /** The same, writing on {@code channel} (EMAIL, SMS…). */
  public static long playbook(
      String key,
      String name,
      String level,
      String eventType,
      String channel,
      long template,
      String extra) {
    Answer created =
        Api.post(
            "/api/v1/playbooks",
            key,
            "{\"name\":\""
                + name
                + "\",\"level\":\""
                + level
                + "\",\"cooldown\":\"PT0M\",\"schedule\":\"0 0 6 * * ?\",\"messages\":{\""
                + channel
                + "\":"
                + template
                + "},\"trigger\":{\"conditions\":[{\"kind\":\"EVENT\",\"eventType\":\""
                + eventType
                + "\"}]}"
                + extra
                + "}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(200, Api.post("/api/v1/playbooks/" + id + "/publish", key, "").status());
    return id;
  }

  public static void customer(String key, String id, String email, String locale) {
    Answer saved =
        Api.post(
            "/api/v1/customers",
            key,
            "{\"externalId\":\""
                + id
                + "\",\"name\":\"Nora Quinn\",\"email\":\""
                + email
                + "\",\"locale\":\""
                + locale
                + "\",\"consent\":{\"email\":true,\"sms\":false}}");
    assertTrue(saved.status() < 300, saved.body());
  }

  public static void event(String key, String customer, String type) {
    Answer sent =
        Api.post(
            "/api/v1/events",
            key,
            "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"customer\":\""
                + customer
                + "\",\"type\":\""
                + type
                + "\",\"occurredAt\":\""
                + Instant.now().minusSeconds(5)
                + "\"}");
    assertEquals(202, sent.status(), sent.body());
  }

  /** What the SMTP server got for addresses ending in {@code domain} ("@…"), in arrival order. */
  public static List<MimeMessage> received(GreenMail smtp, String domain) {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        if (m.getAllRecipients()[0].toString().endsWith(domain)) {
          mine.add(m);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mine;
  }

  /**
   * Waits until the outbox of {@code server} has sent {@code count} messages to addresses ending in
   * {@code domain}, failing with how far it got after {@code within}.
   */
  public static void awaitSent(ServerProcess server, String domain, int count, Duration within)
      throws Exception {
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select count(*) from outreach_message where state = 'SENT' and recipient like ?")) {
      q.setString(1, "%" + domain);
      Wait.until(
          count + " messages to *" + domain + " are sent",
          within,
          () -> {
            try (ResultSet r = q.executeQuery()) {
              r.next();
              return r.getInt(1);
            }
          },
          sent -> sent == count);
    }
  }

  /**
   * The outbox's state and reason for each address ending in {@code domain} that is not among
   * {@code received}: what the SMTP server never got, as the outbox remembers it.
   */
  public static Map<String, String> unreceived(
      ServerProcess server, String domain, Set<String> received) throws Exception {
    Map<String, String> missing = new TreeMap<>();
    try (Connection c = server.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select recipient, state, attempts, reason from outreach_message"
                    + " where recipient like ?")) {
      q.setString(1, "%" + domain);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          if (!received.contains(r.getString(1))) {
            missing.put(
                r.getString(1),
                r.getString(2) + " after " + r.getInt(3) + " attempt(s): " + r.getString(4));
          }
        }
      }
    }
    return missing;
  }

  /** The first mail to an address starting with {@code address}, waiting up to 30 s. */
  public static MimeMessage awaitMail(GreenMail smtp, String address) {
    return Wait.until(
        "a mail for " + address + "… arrives",
        Duration.ofSeconds(30),
        () -> {
          for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().startsWith(address)) {
              return m;
            }
          }
          return null;
        },
        Objects::nonNull);
  }

  /** The plain text part of a mail written by Forestall. */
  public static String text(MimeMessage mail) throws Exception {
    return (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
  }

  /** The action page link in a mail's text. */
  public static String link(MimeMessage mail) throws Exception {
    String text = text(mail);
    Matcher link = LINK.matcher(text);
    assertTrue(link.find(), text);
    return link.group(1);
  }

  /** The playbook's newest case, with its messages, tasks and timeline. */
  public static JsonObject caseOf(String key, long playbook) {
    JsonObject list = Api.get("/api/v1/cases?playbook=" + playbook, key).json();
    long id = list.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    return Api.get("/api/v1/cases/" + id, key).json();
  }

  /** The playbook's first message in {@code state}, waiting up to 30 s. */
  public static JsonObject awaitMessage(String key, long playbook, String state) {
    Predicate<JsonObject> inState = m -> m.getString("state").equals(state);
    List<JsonObject> messages =
        Wait.until(
            "a message of playbook " + playbook + " is " + state,
            Duration.ofSeconds(30),
            () ->
                Api.get("/api/v1/cases?playbook=" + playbook, key)
                    .json()
                    .getJsonArray("items")
                    .stream()
                    .flatMap(
                        item ->
                            Api.get("/api/v1/cases/" + item.asJsonObject().getJsonNumber("id"), key)
                                .json()
                                .getJsonArray("messages")
                                .stream())
                    .map(JsonValue::asJsonObject)
                    .toList(),
            seen -> seen.stream().anyMatch(inState));
    return messages.stream().filter(inState).findFirst().orElseThrow();
  }

  /** A page as the customer's browser gets it, without following redirects. */
  public static HttpResponse<String> page(String url) throws Exception {
    return BROWSER.send(
        HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A form posted as the customer's browser would. */
  public static HttpResponse<String> submit(String url, String form) throws Exception {
    return BROWSER.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code count} customers {@code <prefix><n>} with email {@code <prefix><n>@<domain>} (lower
   * case) and consent, created by eight clients at once; like any client over the tenant's rate
   * limit, a client told 429 waits for its Retry-After and sends again.
   */
  public static void customers(String key, String prefix, int count, String domain)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = prefix + i;
        String body =
            "{\"externalId\":\""
                + id
                + "\",\"name\":\"Driver "
                + id
                + "\",\"email\":\""
                + id.toLowerCase(Locale.ROOT)
                + "@"
                + domain
                + "\",\"consent\":{\"email\":true}}";
        answers.add(clients.submit(() -> politely(() -> Api.post("/api/v1/customers", key, body))));
      }
      for (Future<Answer> answer : answers) {
        assertTrue(answer.get().status() < 300, answer.get().body());
      }
    } finally {
      clients.shutdown();
    }
  }

  /** Sends again, after a second, while the answer is 429: at most 30 times. */
  private static Answer politely(Supplier<Answer> request) throws InterruptedException {
    Answer answer = request.get();
    for (int i = 0; i < 30 && answer.status() == 429; i++) {
      Thread.sleep(1000);
      answer = request.get();
    }
    return answer;
  }

  /** One batch of {@code type} events for customers {@code <prefix><from>} to {@code <to - 1>}. */
  public static void events(String key, String type, String prefix, int from, int to) {
    StringBuilder body = new StringBuilder("{\"events\":[");
    for (int i = from; i < to; i++) {
      body.append(i == from ? "" : ",")
          .append("{\"id\":\"")
          .append(type)
          .append('-')
          .append(i)
          .append("\",\"customer\":\"")
          .append(prefix)
          .append(i)
          .append("\",\"type\":\"")
          .append(type)
          .append("\",\"occurredAt\":\"")
          .append(Instant.now().minusSeconds(1))
          .append("\"}");
    }
    Answer accepted = Api.post("/api/v1/events", key, body.append("]}").toString());
    assertEquals(202, accepted.status(), accepted.body());
  }
}
