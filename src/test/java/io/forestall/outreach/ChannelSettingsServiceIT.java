package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.Role;
import io.forestall.kernel.ViolationException;
import io.forestall.outreach.ChannelSettings.TokenChange;
import io.forestall.platform.crypto.SecretBox;
import io.forestall.platform.persistence.Database;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channel settings in the server: the SMS token is stored encrypted and only the dispatcher reads
 * it back, the audit log records saves without it, a failed save stores nothing, and another tenant
 * reads only its own.
 */
@ExtendWith(ArquillianExtension.class)
class ChannelSettingsServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(ChannelSettingsServiceIT.class);
  }

  @Inject ChannelSettingsService settings;
  @Inject AuditLog audit;
  @Inject SecretBox box;
  @Inject Database database;

  private static ChannelSettings sms(String url) {
    return new ChannelSettings(null, null, null, true, url, "Wheels", false);
  }

  @Test
  void theTokenIsStoredEncryptedAndAuditedNever() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String token = "tok-bw-" + run;
    String url = "https://sms.example.invalid/bw-" + run;
    ChannelSettings saved =
        As.user(
            "brightwheel",
            Role.TENANT_ADMIN,
            () -> settings.save(sms(url), TokenChange.replace("  " + token + " ")));
    assertTrue(saved.smsAuthTokenSet());
    assertFalse(saved.toString().contains(token));

    String sealed = storedToken("brightwheel");
    assertNotNull(sealed);
    assertFalse(sealed.contains(token), "encrypted at rest");
    assertEquals(token, box.decrypt(sealed));
    SmsProvider provider =
        As.user("brightwheel", Role.TENANT_ADMIN, () -> settings.smsProvider().orElseThrow());
    assertEquals(token, provider.token());
    assertEquals(url, provider.url().toString());

    assertThrows(
        ViolationException.class,
        () ->
            As.user(
                "brightwheel",
                Role.TENANT_ADMIN,
                () -> settings.save(sms("not a url"), TokenChange.replace("other"))));
    assertEquals(sealed, storedToken("brightwheel"), "a failed save stores nothing");

    List<AuditEntry> entries =
        As.user(
            "brightwheel",
            Role.TENANT_ADMIN,
            () -> audit.list(ChannelSettingsService.AUDIT_SUBJECT, 0, 20));
    assertTrue(entries.stream().anyMatch(a -> String.valueOf(a.getAfter()).contains(url)));
    assertEquals("saved with a new SMS token", entries.get(0).getAction());
    for (AuditEntry a : entries) {
      assertFalse(String.valueOf(a.getBefore()).contains(token), a.getBefore());
      assertFalse(String.valueOf(a.getAfter()).contains(token), a.getAfter());
      assertFalse(String.valueOf(a.getAfter()).contains(sealed), a.getAfter());
    }

    ChannelSettings theirs = As.user("globex", Role.TENANT_ADMIN, settings::get);
    assertFalse(String.valueOf(theirs.smsProviderUrl()).contains(run));
    assertThrows(
        AccessDeniedException.class, () -> As.user("brightwheel", Role.AGENT, settings::get));

    ChannelSettings cleared =
        As.user(
            "brightwheel",
            Role.TENANT_ADMIN,
            () -> settings.save(ChannelSettings.DEFAULTS, TokenChange.clear()));
    assertFalse(cleared.smsAuthTokenSet());
    assertEquals(null, storedToken("brightwheel"));
    assertTrue(As.user("brightwheel", Role.TENANT_ADMIN, () -> settings.smsProvider()).isEmpty());
  }

  private String storedToken(String tenant) throws Exception {
    try (Connection c = database.unmanaged().getConnection();
        PreparedStatement q =
            c.prepareStatement("select sms_token_enc from channel_settings where tenant_id = ?")) {
      q.setLong(1, As.tenant(tenant).id());
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }
}
