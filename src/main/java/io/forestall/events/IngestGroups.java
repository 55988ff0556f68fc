package io.forestall.events;

import io.forestall.kernel.Caller;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for requests that carry one event. Concurrent requests queue their event; whichever
 * request finds no writer at work becomes the writer, takes what is queued and stores it in one
 * transaction per tenant, then answers each request with its own result. Every request still
 * returns only after its event has committed, so nothing is acknowledged that could be lost.
 */
@ApplicationScoped
class IngestGroups {

  private static final int MAX_GROUP = 200;

  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  @Inject EventWriter writer;
  @Inject Clock clock;

  private record Pending(
      TenantKey tenant,
      Caller caller,
      EventDraft draft,
      String webhookId,
      CompletableFuture<IngestResult> result) {}

  /** Stores one event of the current tenant with whatever else is waiting, and answers for it. */
  IngestResult write(EventDraft draft, String webhookId) {
    Pending mine =
        new Pending(
            TenantContext.require(),
            Caller.current().orElseThrow(),
            draft,
            webhookId,
            new CompletableFuture<>());
    queue.add(mine);
    while (!mine.result().isDone()) {
      if (writing.tryLock()) {
        try {
          writeGroup(drain());
        } finally {
          writing.unlock();
        }
      } else {
        awaitBriefly(mine);
      }
    }
    try {
      return mine.result().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing an event", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private List<Pending> drain() {
    List<Pending> group = new ArrayList<>();
    Pending next;
    while (group.size() < MAX_GROUP && (next = queue.poll()) != null) {
      group.add(next);
    }
    return group;
  }

  /**
   * One transaction per tenant in the group. A failed one fails its requests, and {@link
   * EventIngest} retries those that lost a unique-key race.
   */
  private void writeGroup(List<Pending> group) {
    Map<TenantKey, List<Pending>> byTenant = new LinkedHashMap<>();
    group.forEach(p -> byTenant.computeIfAbsent(p.tenant(), t -> new ArrayList<>()).add(p));
    byTenant.forEach(
        (tenant, pending) -> {
          try {
            List<IngestResult> results =
                Caller.callAs(
                    pending.get(0).caller(),
                    () ->
                        TenantContext.call(
                            tenant,
                            () ->
                                writer.writeSingles(
                                    tenant.id(),
                                    pending.stream().map(Pending::draft).toList(),
                                    pending.stream().map(Pending::webhookId).toList(),
                                    clock.instant())));
            for (int i = 0; i < pending.size(); i++) {
              pending.get(i).result().complete(results.get(i));
            }
          } catch (RuntimeException e) {
            pending.forEach(p -> p.result().completeExceptionally(e));
          }
        });
  }

  private static void awaitBriefly(Pending mine) {
    try {
      mine.result().get(1, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Done or not, the loop looks again.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      mine.result().completeExceptionally(e);
    }
  }
}
