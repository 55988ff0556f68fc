package io.forestall.playbooks;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.Caller;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.kernel.Violation;
import io.forestall.kernel.ViolationException;
import io.forestall.triggers.ComplaintSettings;
import io.forestall.triggers.ComplaintWeights;
import io.forestall.triggers.Match;
import io.forestall.triggers.ScanScope;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backtests: a definition evaluated as at the end of each day of a past range, one set-based
 * preview query per day, creating nothing. Screens start them in the background and watch their
 * progress; the API waits for the answer. They load the database, so only tenant admins (and full
 * API keys) run them, one at a time per tenant across all nodes ({@link BacktestLease}).
 */
@ApplicationScoped
@Allowed(Role.TENANT_ADMIN)
public class Backtests {

  /** The longest range one backtest covers. */
  public static final int MAX_DAYS = 92;

  @Inject PlaybookService playbooks;
  @Inject ScanExecution execution;
  @Inject ComplaintSettings complaints;
  @Inject BacktestLease lease;
  @Inject TenantDirectory tenants;
  @Inject Clock clock;
  @Resource ManagedExecutorService executor;

  /** A backtest running in the background. */
  public static final class Running {
    private final int days;
    private final AtomicInteger done = new AtomicInteger();
    private final CompletableFuture<Backtest> result = new CompletableFuture<>();

    private Running(int days) {
      this.days = days;
    }

    /** Percent of the days evaluated so far. */
    public int percent() {
      return done.get() * 100 / days;
    }

    public boolean finished() {
      return result.isDone();
    }

    /** The answer once finished; a failure is rethrown. */
    public Backtest result() {
      return result.join();
    }
  }

  /**
   * Runs the backtest here and answers it; a bad definition or range changes nothing, and while
   * another backtest of the tenant runs this one is refused with a ConflictException.
   */
  public Backtest run(PlaybookDefinition definition, LocalDate from, LocalDate to) {
    check(definition, from, to);
    TenantKey tenant = TenantContext.require();
    String holder = acquire(tenant);
    try {
      return evaluate(definition, from, to, tenant, holder, new AtomicInteger());
    } finally {
      lease.release(holder);
    }
  }

  /** Backtests the playbook's draft. */
  public Backtest run(long playbookId, LocalDate from, LocalDate to) {
    return run(playbooks.draft(playbooks.get(playbookId)), from, to);
  }

  /**
   * Starts the backtest in the background, as the current caller and tenant; refused with a
   * ConflictException while another backtest of the tenant runs.
   */
  public Running start(PlaybookDefinition definition, LocalDate from, LocalDate to) {
    check(definition, from, to);
    TenantKey tenant = TenantContext.require();
    Caller caller = Caller.current().orElseThrow();
    String holder = acquire(tenant);
    Running running = new Running((int) ChronoUnit.DAYS.between(from, to) + 1);
    try {
      executor.execute(
          () ->
              Caller.runAs(
                  caller,
                  () -> {
                    try {
                      Backtest result;
                      // Released before the answer, so the next one may start once this shows.
                      try {
                        result =
                            TenantContext.call(
                                tenant,
                                () -> evaluate(definition, from, to, tenant, holder, running.done));
                      } finally {
                        lease.release(holder);
                      }
                      running.result.complete(result);
                    } catch (RuntimeException e) {
                      running.result.completeExceptionally(e);
                    }
                  }));
    } catch (RuntimeException e) {
      lease.release(holder);
      throw e;
    }
    return running;
  }

  private String acquire(TenantKey tenant) {
    return lease.acquire(
        tenant.id(), Caller.current().map(Caller::displayName).orElse(Caller.SYSTEM.displayName()));
  }

  private Backtest evaluate(
      PlaybookDefinition definition,
      LocalDate from,
      LocalDate to,
      TenantKey tenant,
      String holder,
      AtomicInteger done) {
    ZoneId zone = tenants.zone(tenant);
    ComplaintWeights weights = complaints.get();
    Instant now = clock.instant();
    Set<Long> seen = new HashSet<>();
    List<Backtest.Day> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant asOf = endOfDay.isAfter(now) ? now : endOfDay;
      List<Match> matches =
          execution.matches(definition.trigger(), ScanScope.preview(tenant.id(), asOf), weights);
      int first = 0;
      for (Match m : matches) {
        if (seen.add(m.customerId())) {
          first++;
        }
      }
      days.add(new Backtest.Day(day, matches.size(), first));
      done.incrementAndGet();
      lease.renew(holder);
    }
    return new Backtest(from, to, days, seen.size());
  }

  private void check(PlaybookDefinition definition, LocalDate from, LocalDate to) {
    List<Violation> violations = new ArrayList<>(DefinitionRules.check(definition));
    LocalDate today = LocalDate.now(clock.withZone(tenants.zone(TenantContext.require())));
    if (from == null) {
      violations.add(new Violation("/from", "is required: the first day, as 2026-10-01"));
    }
    if (to == null) {
      violations.add(new Violation("/to", "is required: the last day, as 2026-10-31"));
    } else if (to.isAfter(today)) {
      violations.add(new Violation("/to", "must not be after today, " + today));
    }
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        violations.add(new Violation("/from", "must be on or before the last day, " + to));
      } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
        violations.add(
            new Violation("/to", "must be at most " + MAX_DAYS + " days after the first"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ViolationException("backtest", violations);
    }
  }
}
