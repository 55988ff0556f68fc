package io.forestall.platform.drain;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that follows a commit, done moments later on this node: a feature opens a {@link Lane},
 * marks a tenant in it after its transaction commits, and one timer drains every lane, running each
 * marked tenant's work once as the system for that tenant. A burst of commits costs one pass per
 * tenant per tick.
 */
@ApplicationScoped
public class Drain {

  private static final Logger LOG = Logger.getLogger(Drain.class.getName());

  /** How long marks gather before a drain, at most. */
  static final long TICK_MS = 200;

  private final List<Lane<?>> lanes = new CopyOnWriteArrayList<>();

  @Resource ManagedScheduledExecutorService executor;

  private ScheduledFuture<?> timer;

  void start(@Observes Startup startup) {
    timer = executor.scheduleWithFixedDelay(this::drain, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /**
   * A lane whose marks for one tenant merge with {@code merge} until the drain hands them to {@code
   * work}, which runs in the tenant's context; {@code name} says whose work failed in the log.
   */
  public <T> Lane<T> lane(String name, BinaryOperator<T> merge, Consumer<T> work) {
    Lane<T> lane = new Lane<>(name, merge, work);
    lanes.add(lane);
    return lane;
  }

  private void drain() {
    lanes.forEach(Lane::drain);
  }

  /** Marks of one kind of work, per tenant. */
  public static final class Lane<T> {

    private record Marked<T>(TenantKey tenant, T work) {}

    private final String name;
    private final BinaryOperator<T> merge;
    private final Consumer<T> work;
    private final Map<Long, Marked<T>> pending = new ConcurrentHashMap<>();

    private Lane(String name, BinaryOperator<T> merge, Consumer<T> work) {
      this.name = name;
      this.merge = merge;
      this.work = work;
    }

    /** Asks for {@code work} for {@code tenant}, merged with what is already asked for it. */
    public void mark(TenantKey tenant, T work) {
      pending.merge(
          tenant.id(),
          new Marked<>(tenant, work),
          (a, b) -> new Marked<>(a.tenant(), merge.apply(a.work(), b.work())));
    }

    private void drain() {
      for (Long tenantId : List.copyOf(pending.keySet())) {
        Marked<T> marked = pending.remove(tenantId);
        if (marked == null) {
          continue;
        }
        try {
          TenantContext.runAsSystem(marked.tenant(), () -> work.accept(marked.work()));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, name + " for tenant " + marked.tenant().slug() + " failed", e);
        }
      }
    }
  }
}
