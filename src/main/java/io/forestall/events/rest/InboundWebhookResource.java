package io.forestall.events.rest;

import io.forestall.events.EventIngest;
import io.forestall.events.IngestResult;
import io.forestall.integrations.WebhookSignatures;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantProfile;
import io.forestall.platform.rest.FailureThrottle;
import io.forestall.platform.rest.OwnRateLimit;
import io.forestall.platform.rest.ProblemException;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.platform.rest.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/webhooks/inbound/{tenant}}: the ingest body, authenticated by a Standard
 * Webhooks signature with one of the tenant's inbound secrets instead of an API key. The {@code
 * webhook-id} makes a redelivery harmless. An address whose deliveries keep failing verification is
 * turned away before its body is read.
 */
@Path("/webhooks/inbound/{tenant}")
@RequestScoped
@PublicEndpoint
@OwnRateLimit
public class InboundWebhookResource {

  @Inject TenantDirectory tenants;
  @Inject WebhookSignatures signatures;
  @Inject EventIngest ingest;
  @Inject IngestGate gate;
  @Inject FailureThrottle failures;
  @Context HttpServletRequest request;
  @Inject Clock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Ingest events signed per Standard Webhooks with the tenant's inbound secret")
  public Response receive(
      @PathParam("tenant") String slug,
      @HeaderParam("webhook-id") String id,
      @HeaderParam("webhook-timestamp") String timestamp,
      @HeaderParam("webhook-signature") String signature,
      InputStream body) {
    TenantProfile tenant =
        tenants
            .find(slug)
            .filter(t -> !t.suspended())
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemJson.of(404, "Unknown tenant", "No active tenant '" + slug + "'.")));
    return gate.logged(
        tenant.key().id(),
        "webhook",
        () -> {
          String sender = tenant.key().id() + "|" + request.getRemoteAddr();
          long wait = failures.blockedFor(sender);
          if (wait > 0) {
            throw new ProblemException(
                ProblemJson.of(
                    429,
                    "Too many failed signatures",
                    "More than "
                        + FailureThrottle.LIMIT
                        + " deliveries from this address failed verification within a minute;"
                        + " retry after "
                        + wait
                        + " s."),
                Map.of("Retry-After", Long.toString(wait)));
          }
          if (id != null && id.length() > 128) {
            throw new ProblemException(
                ProblemJson.of(
                    400, "Invalid webhook-id", "webhook-id must be at most 128 characters."));
          }
          byte[] bytes = IngestGate.read(body);
          try {
            TenantContext.run(
                tenant.key(), () -> authenticate(tenant, id, timestamp, signature, bytes));
          } catch (ProblemException e) {
            // A malformed header (400) is cheap to refuse; what failed verification (401) counts.
            if (e.problem().status() == 401) {
              failures.fail(sender);
            }
            throw e;
          }
          gate.admit(tenant);
          Caller webhook = Caller.machine("webhook:" + slug, Set.of(Role.INGEST));
          IngestResult result =
              Caller.callAs(
                  webhook,
                  () ->
                      TenantContext.call(
                          tenant.key(),
                          () ->
                              ingest.ingestDelivery(
                                  id.strip(), EventBatchReader.read(bytes, clock.instant()))));
          return EventResource.accepted(result);
        });
  }

  private void authenticate(
      TenantProfile tenant, String id, String timestamp, String signature, byte[] body) {
    WebhookSignatures.Verdict verdict =
        signatures.verify(tenant.key(), id, timestamp, signature, body);
    String detail =
        switch (verdict) {
          case VALID -> null;
          case MISSING_HEADERS ->
              "Send the webhook-id, webhook-timestamp and webhook-signature headers.";
          case SIGNATURE_HEADER_TOO_LONG ->
              "webhook-signature is longer than "
                  + WebhookSignatures.MAX_SIGNATURE_HEADER
                  + " characters; send one signature, or two while rotating secrets.";
          case BAD_TIMESTAMP -> "webhook-timestamp must be the sending time in Unix seconds.";
          case STALE_TIMESTAMP ->
              "webhook-timestamp is more than 5 minutes from the server's time; sign each delivery anew.";
          case NO_ACTIVE_SECRET -> "This tenant has no active inbound secret.";
          case BAD_SIGNATURE ->
              "No v1 signature matches an active secret of this tenant over id.timestamp.body.";
        };
    if (detail != null) {
      int status =
          verdict == WebhookSignatures.Verdict.BAD_TIMESTAMP
                  || verdict == WebhookSignatures.Verdict.SIGNATURE_HEADER_TOO_LONG
              ? 400
              : 401;
      throw new ProblemException(ProblemJson.of(status, "Invalid webhook signature", detail));
    }
  }
}
