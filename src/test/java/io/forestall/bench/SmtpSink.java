package io.forestall.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that accepts every message and keeps only its recipients: the cheapest receiver,
 * so the benchmark measures the sender and not the receiver's parsing and storing (GreenMail's cost
 * per message on these shared cores is more than half of Forestall's). One thread per connection;
 * the dispatcher opens one per sender.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
  private final List<Socket> connections = new ArrayList<>();

  SmtpSink(int port) throws IOException {
    socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** How many messages each recipient (lower case) got. */
  Map<String, Integer> received() {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    perRecipient.forEach((to, n) -> counts.put(to, n.get()));
    return counts;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        synchronized (connections) {
          connections.add(connection);
        }
        Thread session = new Thread(() -> serve(connection), "smtp-sink-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection;
        InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream()) {
      reply(out, "220 sink ready");
      List<String> recipients = new ArrayList<>();
      for (String line = line(in); line != null; line = line(in)) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO", "HELO", "MAIL", "NOOP" -> reply(out, "250 ok");
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 ok");
          }
          case "RCPT" -> {
            recipients.add(address(line));
            reply(out, "250 ok");
          }
          case "DATA" -> {
            reply(out, "354 go on");
            for (String body = line(in); body != null && !body.equals("."); body = line(in)) {
              // The message itself is not kept.
            }
            recipients.forEach(
                to -> perRecipient.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet());
            recipients.clear();
            reply(out, "250 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not here");
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static String address(String rcpt) {
    int open = rcpt.indexOf('<');
    int close = rcpt.indexOf('>');
    return (open >= 0 && close > open ? rcpt.substring(open + 1, close) : rcpt.substring(8))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (connections) {
      for (Socket c : connections) {
        c.close();
      }
    }
  }
}
