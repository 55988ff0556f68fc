package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP settings against a real SMTP server (GreenMail): a login when one is set, STARTTLS that
 * is required rather than tried, and TLS from the first byte that checks the server's certificate.
 */
class EmailSenderTest {

  private static final EmailSender.Email EMAIL =
      new EmailSender.Email(
          new EmailSender.Sender("noreply@forestall.test", "Acme", null),
          "ada@customers.test",
          "Your bill",
          "<p>Hello</p>",
          "Hello",
          "https://forestall.test/r/opt-out",
          "msg-1");

  private GreenMail smtp;
  private int port;

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void logsInWithTheConfiguredCredentials() throws Exception {
    smtp = start(new ServerSetup(3591, "127.0.0.1", "smtp"));
    send(sender("none", "relay", "s3cret", null));
    assertEquals(1, smtp.getReceivedMessages().length);

    MessagingException refused =
        assertThrows(MessagingException.class, () -> send(sender("none", "relay", "wrong", null)));
    assertTrue(refused instanceof AuthenticationFailedException, refused.toString());
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void requiredStartTlsSendsNothingInClearToAServerWithoutIt() {
    smtp = start(new ServerSetup(3592, "127.0.0.1", "smtp"));
    MessagingException refused =
        assertThrows(MessagingException.class, () -> send(sender("starttls", null, null, null)));
    assertTrue(refused.getMessage().contains("STARTTLS"), refused.getMessage());
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void tlsChecksTheCertificateUnlessTheHostIsTrusted() throws Exception {
    smtp = start(new ServerSetup(3593, "127.0.0.1", "smtps"));
    // GreenMail's certificate is its own, signed by no CA the JVM knows.
    assertThrows(MessagingException.class, () -> send(sender("tls", null, null, null)));
    assertEquals(0, smtp.getReceivedMessages().length);

    send(sender("tls", null, null, "127.0.0.1"));
    assertEquals(1, smtp.getReceivedMessages().length);
  }

  @Test
  void anUnknownTlsModeIsNamedInItsError() {
    IllegalStateException wrong =
        assertThrows(IllegalStateException.class, () -> sender("ssl", null, null, null).tls());
    assertTrue(wrong.getMessage().contains("none, starttls or tls"), wrong.getMessage());
  }

  private GreenMail start(ServerSetup setup) {
    port = setup.getPort();
    GreenMail server =
        new GreenMail(setup)
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser("relay@forestall.test", "relay", "s3cret"));
    server.start();
    return server;
  }

  private EmailSender sender(String tls, String username, String password, String trust) {
    EmailSender sender = new EmailSender();
    sender.host = "127.0.0.1";
    sender.port = port;
    sender.tls = tls;
    sender.username = Optional.ofNullable(username);
    sender.password = Optional.ofNullable(password);
    sender.trust = Optional.ofNullable(trust);
    sender.from = "noreply@forestall.test";
    return sender;
  }

  private static void send(EmailSender sender) throws MessagingException {
    try (EmailSender.Connection connection = sender.connection()) {
      connection.send(EMAIL, () -> {});
    }
  }
}
