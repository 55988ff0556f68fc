package io.forestall.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) where the server under test sends its email, for one test class:
 * {@code @RegisterExtension static Smtp smtp = new Smtp();}.
 */
public final class Smtp implements BeforeAllCallback, AfterAllCallback {

  private final GreenMail server;

  /** On port 3025, where the test server's FORESTALL_SMTP_PORT points by default. */
  public Smtp() {
    this(3025);
  }

  public Smtp(int port) {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.stop();
  }

  public GreenMail server() {
    return server;
  }
}
