package io.forestall.events.rest;

import io.forestall.events.IngestErrors;
import io.forestall.kernel.TenantProfile;
import io.forestall.platform.rest.ProblemException;
import io.forestall.platform.rest.ProblemJson;
import io.forestall.platform.rest.ProblemMappers;
import io.forestall.platform.rest.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What both ingest doors share: the body size limit, the tenant's rate limit, and logging each
 * rejection with the problem document it was answered with.
 */
@ApplicationScoped
class IngestGate {

  /** The largest body accepted: 1,000 events of a few hundred bytes fit comfortably. */
  static final int MAX_BODY = 2 * 1024 * 1024;

  @Inject RateLimiter limiter;
  @Inject IngestErrors errors;

  /** Reads the body, refusing more than {@link #MAX_BODY} bytes without reading further. */
  static byte[] read(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try (InputStream in = body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      int total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > MAX_BODY) {
          throw new ProblemException(
              ProblemJson.of(
                  413,
                  "Payload too large",
                  "The body exceeds " + MAX_BODY + " bytes; send smaller batches."));
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ProblemException(ProblemJson.of(400, "Bad request", "The body could not be read."));
    }
  }

  /** Takes one request from the tenant's allowance or ends it with 429 and Retry-After. */
  void admit(TenantProfile tenant) {
    long wait = limiter.acquire("ingest:" + tenant.key().id(), tenant.ingestRateLimit());
    if (wait > 0) {
      throw new ProblemException(
          ProblemJson.of(
              429,
              "Too many requests",
              "This tenant may send "
                  + tenant.ingestRateLimit()
                  + " ingest requests per second; retry after "
                  + wait
                  + " s."),
          Map.of("Retry-After", Long.toString(wait)));
    }
  }

  /**
   * Runs the request; a failure is logged for the tenant's ingest overview and answered as usual.
   */
  <T> T logged(long tenantId, String source, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      ProblemJson problem = ProblemMappers.problemFor(e);
      if (problem.status() < 500) {
        errors.record(
            tenantId, source, problem.status(), problem.title(), problem.toJson().toString());
      }
      throw e;
    }
  }
}
