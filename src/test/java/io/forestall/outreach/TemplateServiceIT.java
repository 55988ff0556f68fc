package io.forestall.outreach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.audit.AuditEntry;
import io.forestall.audit.AuditLog;
import io.forestall.cases.CaseQuery;
import io.forestall.cases.CaseRow;
import io.forestall.cases.CaseService;
import io.forestall.kernel.AccessDeniedException;
import io.forestall.kernel.Channel;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.testsupport.As;
import io.forestall.testsupport.Deployments;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates in the server: drafts, publishing only what is fully known, versions, previews against
 * the demo's real cases in the customer's language, the audit log; another tenant reaches none.
 */
@ExtendWith(ArquillianExtension.class)
class TemplateServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(TemplateServiceIT.class);
  }

  @Inject TemplateService templates;
  @Inject CaseService cases;
  @Inject AuditLog audit;

  private static TemplateContent billShock(String subject) {
    return new TemplateContent(
        Channel.EMAIL,
        "en",
        Map.of(
            "en",
            Map.of(
                "subject",
                subject,
                "html",
                "<p>Hi {{customer.firstName}}, your bill is {{evidence.recent}} against"
                    + " {{evidence.baseline}} usually ({{customer.attributes.plan}}).</p>",
                "text",
                "Hi {{customer.firstName}}, your bill is {{evidence.recent}}."),
            "de",
            Map.of(
                "subject", "Ihre Rechnung",
                "html", "<p>Hallo {{customer.name}}</p>",
                "text", "Hallo {{customer.name}}")));
  }

  private long caseOf(String tenant, String customer) {
    return As.user(
            tenant,
            Role.TENANT_ADMIN,
            () -> cases.list(new CaseQuery(null, null, customer, null, 0, 10)))
        .stream()
        .findFirst()
        .map(CaseRow::getId)
        .orElseThrow();
  }

  @Test
  void draftsPublishOnlyWhenEveryVariableIsKnownAndPreviewRealCases() {
    String name = "Bill shock mail " + UUID.randomUUID();
    long id =
        As.user(
            "acme",
            Role.TENANT_ADMIN,
            () -> templates.create(name, billShock("About your bill, {{customer.nmae}}")).getId());
    ViolationException unknown =
        assertThrows(
            ViolationException.class,
            () -> As.user("acme", Role.TENANT_ADMIN, () -> templates.publish(id)));
    assertEquals("/variants/en/subject", unknown.violations().get(0).pointer());
    assertTrue(unknown.violations().get(0).message().contains("customer.nmae"));

    As.user(
        "acme",
        Role.TENANT_ADMIN,
        () -> templates.update(id, name, billShock("About your bill, {{customer.firstName}}")));
    assertEquals(1, As.user("acme", Role.TENANT_ADMIN, () -> templates.publish(id)).getNumber());
    assertThrows(
        ConflictException.class,
        () -> As.user("acme", Role.TENANT_ADMIN, () -> templates.publish(id)),
        "nothing changed since version 1");

    TemplateRenderer.Rendered shock =
        As.user(
            "acme",
            Role.AGENT,
            () -> templates.preview(templates.get(id).content(), caseOf("acme", "ACME-1002")));
    assertEquals("en", shock.locale());
    assertEquals("About your bill, Harry", shock.parts().get("subject"));
    assertTrue(shock.parts().get("html").contains("182.40"), shock.toString());
    assertTrue(shock.parts().get("html").contains("Family 4"), shock.toString());

    List<String> actions =
        As.user("acme", Role.TENANT_ADMIN, () -> audit.list("template", 0, 100)).stream()
            .filter(a -> a.getSubjectId().equals(Long.toString(id)))
            .map(AuditEntry::getAction)
            .toList();
    assertEquals(List.of("published version 1", "draft edited", "created"), actions);
  }

  @Test
  void previewsSpeakTheCustomersLanguage() {
    long id =
        As.user(
            "globex",
            Role.TENANT_ADMIN,
            () -> templates.create("Umbuchung " + UUID.randomUUID(), billShock("Hi")).getId());
    TemplateRenderer.Rendered german =
        As.user(
            "globex",
            Role.TENANT_ADMIN,
            () -> templates.preview(templates.get(id).content(), caseOf("globex", "GX-FF-20001")));
    assertEquals("de", german.locale());
    assertEquals("Hallo Lena Fischer", german.parts().get("text"));
  }

  @Test
  void badDraftsStoreNothingAndOnlyAdminsWrite() {
    int before = As.user("acme", Role.TENANT_ADMIN, () -> templates.list()).size();
    ViolationException invalid =
        assertThrows(
            ViolationException.class,
            () ->
                As.user(
                    "acme",
                    Role.TENANT_ADMIN,
                    () ->
                        templates.create(
                            " ",
                            new TemplateContent(
                                Channel.SMS, "english", Map.of("e n", Map.of("text", "x"))))));
    assertEquals(
        List.of("/name", "/fallbackLocale", "/variants/e n"),
        invalid.violations().stream().map(Violation::pointer).toList());
    assertThrows(
        AccessDeniedException.class,
        () ->
            As.user(
                "acme",
                Role.AGENT,
                () ->
                    templates.create(
                        "x",
                        new TemplateContent(
                            Channel.SMS, "en", Map.of("en", Map.of("text", "x"))))));
    assertEquals(before, As.user("acme", Role.TENANT_ADMIN, () -> templates.list()).size());
  }

  @Test
  void anotherTenantReachesNoTemplateAndNoCase() {
    String name = "Private " + UUID.randomUUID();
    long id =
        As.user("acme", Role.TENANT_ADMIN, () -> templates.create(name, billShock("Hi")).getId());
    long acmeCase = caseOf("acme", "ACME-1002");
    assertThrows(
        NotFoundException.class,
        () -> As.user("globex", Role.TENANT_ADMIN, () -> templates.get(id)));
    assertThrows(
        NotFoundException.class,
        () ->
            As.user("globex", Role.TENANT_ADMIN, () -> templates.update(id, "x", billShock("x"))));
    assertThrows(
        NotFoundException.class,
        () -> As.user("globex", Role.TENANT_ADMIN, () -> templates.publish(id)));
    assertThrows(
        NotFoundException.class,
        () -> As.user("globex", Role.TENANT_ADMIN, () -> templates.versions(id)));
    assertThrows(
        NotFoundException.class,
        () ->
            As.user(
                "globex", Role.TENANT_ADMIN, () -> templates.preview(billShock("Hi"), acmeCase)));
    assertTrue(
        As.user("globex", Role.TENANT_ADMIN, () -> templates.list()).stream()
            .noneMatch(t -> t.getName().equals(name)));
  }
}
