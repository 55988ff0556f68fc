package io.forestall.outreach;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends email over SMTP with Jakarta Mail: HTML with a plain-text alternative, from the tenant's
 * sender (its channel settings, else the platform's address under the tenant's name), with the
 * message's idempotency key as its Message-ID. A connection carries a run of messages.
 */
@ApplicationScoped
class EmailSender {

  @Inject
  @ConfigProperty(name = "forestall.smtp.host", defaultValue = "localhost")
  String host;

  @Inject
  @ConfigProperty(name = "forestall.smtp.port", defaultValue = "3025")
  int port;

  /** Logs in with these when set; the server must then offer AUTH. */
  @Inject
  @ConfigProperty(name = "forestall.smtp.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "forestall.smtp.password")
  Optional<String> password;

  /**
   * {@code none}, {@code starttls} (required, not merely tried) or {@code tls} (from the start).
   */
  @Inject
  @ConfigProperty(name = "forestall.smtp.tls", defaultValue = "none")
  String tls;

  /**
   * Hosts (space-separated, or {@code *}) whose certificates are accepted as they are, without a
   * chain to a CA the JVM knows or a name check: a relay with a private certificate. Otherwise the
   * server must present a valid certificate for its name.
   */
  @Inject
  @ConfigProperty(name = "forestall.smtp.trust")
  Optional<String> trust;

  @Inject
  @ConfigProperty(name = "forestall.mail.from", defaultValue = "noreply@forestall.local")
  String from;

  /** One email: from whom, to whom, its parts, its opt-out link and its idempotency key. */
  record Email(
      Sender sender,
      String to,
      String subject,
      String html,
      String text,
      String optOut,
      String key) {}

  /** Who an email comes from, and where answers go when not back to it. */
  record Sender(String address, String name, String replyTo) {}

  /** The tenant's sender: its settings where set, else the platform's address and its name. */
  Sender senderFor(ChannelSettings settings, String tenantName) {
    return new Sender(
        settings.emailFromAddress() != null ? settings.emailFromAddress() : from,
        settings.emailSenderName() != null ? settings.emailSenderName() : tenantName,
        settings.emailReplyTo());
  }

  /** An SMTP connection for a run of messages, opened on the first and closed by the caller. */
  final class Connection implements AutoCloseable {
    private final Session session = Session.getInstance(properties());
    private Transport transport;

    /**
     * Sends one email. {@code handedOver} runs when the whole message is with the server and only
     * the final dot remains, so the caller can record the hand-over before the server can accept
     * it: after a crash the message counts as sent rather than being sent twice.
     */
    void send(Email email, Runnable handedOver) throws MessagingException {
      MimeMessage message = message(session, email, handedOver);
      message.saveChanges();
      if (transport == null || !transport.isConnected()) {
        close();
        transport = session.getTransport(tls() == Tls.TLS ? "smtps" : "smtp");
        transport.connect(host, port, username.orElse(null), password.orElse(null));
      }
      try {
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException e) {
        close();
        throw e;
      }
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          // The connection is gone either way.
        }
        transport = null;
      }
    }
  }

  Connection connection() {
    return new Connection();
  }

  /** How the connection to the SMTP server is protected. */
  enum Tls {
    NONE,
    STARTTLS,
    TLS
  }

  Tls tls() {
    try {
      return Tls.valueOf(tls.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "FORESTALL_SMTP_TLS is '" + tls + "'; it must be none, starttls or tls", e);
    }
  }

  private Properties properties() {
    Properties props = new Properties();
    Tls security = tls();
    String protocol = security == Tls.TLS ? "smtps" : "smtp";
    props.put("mail." + protocol + ".host", host);
    props.put("mail." + protocol + ".port", Integer.toString(port));
    props.put("mail." + protocol + ".connectiontimeout", "5000");
    props.put("mail." + protocol + ".timeout", "10000");
    props.put("mail." + protocol + ".auth", Boolean.toString(username.isPresent()));
    if (security == Tls.STARTTLS) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    if (security != Tls.NONE) {
      props.put("mail." + protocol + ".ssl.checkserveridentity", Boolean.toString(trust.isEmpty()));
      trust.ifPresent(hosts -> props.put("mail." + protocol + ".ssl.trust", hosts));
    }
    return props;
  }

  private static MimeMessage message(Session session, Email email, Runnable handedOver)
      throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + email.key() + "@forestall>");
          }

          @Override
          public void writeTo(OutputStream out, String[] ignore)
              throws IOException, MessagingException {
            super.writeTo(out, ignore);
            out.flush();
            handedOver.run();
          }
        };
    try {
      message.setFrom(
          new InternetAddress(email.sender().address(), email.sender().name(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("Bad sender name", e);
    }
    if (email.sender().replyTo() != null) {
      message.setReplyTo(new Address[] {new InternetAddress(email.sender().replyTo(), true)});
    }
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
    message.setSubject(email.subject(), "UTF-8");
    message.setHeader("List-Unsubscribe", "<" + email.optOut() + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(email.text(), "UTF-8");
    MimeBodyPart rich = new MimeBodyPart();
    rich.setContent(email.html(), "text/html; charset=UTF-8");
    MimeMultipart alternatives = new MimeMultipart("alternative");
    alternatives.addBodyPart(plain);
    alternatives.addBodyPart(rich);
    message.setContent(alternatives);
    return message;
  }
}
