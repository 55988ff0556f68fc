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
        transport = session.getTransport("smtp");
        transport.connect();
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

  private Properties properties() {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
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
