package io.forestall.playbooks;

import io.forestall.kernel.Violation;
import io.forestall.triggers.Aggregate;
import io.forestall.triggers.AttributeFilter;
import io.forestall.triggers.Condition;
import io.forestall.triggers.Trigger;
import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * The rules a playbook definition must keep, each broken rule explained with a pointer, so the
 * editor and the API report the same mistakes in the same words.
 */
public final class DefinitionRules {

  public static final int MAX_CONDITIONS = 5;
  public static final int MAX_FILTERS = 10;

  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
  private static final Duration MAX_WINDOW = Duration.ofDays(400);
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

  private final List<Violation> violations = new ArrayList<>();

  private DefinitionRules() {}

  public static List<Violation> check(PlaybookDefinition d) {
    DefinitionRules rules = new DefinitionRules();
    rules.definition(d);
    return List.copyOf(rules.violations);
  }

  private void definition(PlaybookDefinition d) {
    if (d.name() == null || d.name().isBlank()) {
      add("/name", "is required");
    } else if (d.name().strip().length() > 120) {
      add("/name", "must be at most 120 characters");
    }
    if (d.description() != null && d.description().length() > 1000) {
      add("/description", "must be at most 1000 characters");
    }
    if (d.priority() < 1 || d.priority() > 5) {
      add("/priority", "must be from 1 (highest) to 5 (lowest)");
    }
    schedule(d.schedule());
    if (d.cooldown().compareTo(Duration.ofDays(365)) > 0) {
      add("/cooldown", "must be at most 365 days");
    }
    if (d.holdoutPercent() < 0 || d.holdoutPercent() > 50) {
      add("/holdoutPercent", "must be from 0 to 50 %");
    }
    if (d.verifyWindow().compareTo(Duration.ofHours(1)) < 0
        || d.verifyWindow().compareTo(Duration.ofDays(90)) > 0) {
      add("/verifyWindow", "must be from 1 hour to 90 days");
    }
    if (!d.messages().isEmpty() && !d.level().reachesCustomer()) {
      add("/messages", "are only sent by ALERT, SELF_HEAL and PRE_EMPT playbooks");
    }
    if (d.level() == Level.REACT) {
      if (d.contactEventType() == null || d.contactEventType().isBlank()) {
        add("/contactEventType", "is required for REACT: the event that shows the customer called");
      } else {
        eventType("/contactEventType", d.contactEventType());
      }
    }
    if (d.level() == Level.AVOID) {
      if (d.rootCause() == null || d.rootCause().isBlank()) {
        add("/rootCause", "is required for AVOID: the cause the problem board files cases under");
      } else if (d.rootCause().length() > 120) {
        add("/rootCause", "must be at most 120 characters");
      }
    }
    options(d);
    remedy(d);
    if (d.offerId() != null && !d.level().reachesCustomer()) {
      add("/offer", "is only shown by ALERT, SELF_HEAL and PRE_EMPT playbooks");
    }
    if (d.trigger() != null) {
      trigger(d.trigger());
    }
  }

  private void options(PlaybookDefinition d) {
    if (d.level() != Level.SELF_HEAL) {
      if (!d.options().isEmpty()) {
        add("/options", "are only offered by SELF_HEAL playbooks");
      }
      return;
    }
    if (d.options().isEmpty() || d.options().size() > 6) {
      add("/options", "must be 1 to 6 self-service choices for SELF_HEAL");
    }
    for (int i = 0; i < d.options().size(); i++) {
      String option = d.options().get(i);
      if (option.isBlank() || option.length() > 80) {
        add("/options/" + i, "must be 1 to 80 characters");
      } else if (d.options().indexOf(option) != i) {
        add("/options/" + i, "is offered twice");
      }
    }
  }

  private void remedy(PlaybookDefinition d) {
    if (d.level() != Level.PRE_EMPT) {
      if (d.remedy() != null) {
        add("/remedy", "is only done by PRE_EMPT playbooks");
      }
      return;
    }
    if (d.remedy() == null) {
      add("/remedy", "is required for PRE_EMPT: what the tenant's system does first");
    } else if (d.remedy().action() == null || d.remedy().action().isBlank()) {
      add("/remedy/action", "is required: what is done, as the customer will read it");
    } else if (d.remedy().action().length() > 200) {
      add("/remedy/action", "must be at most 200 characters");
    }
  }

  private void schedule(String cron) {
    if (!CronExpression.isValidExpression(cron)) {
      add(
          "/schedule",
          "is not a valid cron expression (seconds minutes hours day-of-month month day-of-week,"
              + " e.g. 0 0 6 * * ?)");
      return;
    }
    try {
      CronExpression expression = new CronExpression(cron);
      expression.setTimeZone(TimeZone.getTimeZone("UTC"));
      Date first = expression.getNextValidTimeAfter(new Date());
      Date second = first == null ? null : expression.getNextValidTimeAfter(first);
      if (first == null) {
        add("/schedule", "never fires");
      } else if (second != null && second.getTime() - first.getTime() < 60_000) {
        add("/schedule", "fires more than once a minute; scans run at most every minute");
      }
    } catch (ParseException e) {
      add("/schedule", "is not a valid cron expression");
    }
  }

  private void trigger(Trigger t) {
    if (t.conditions().isEmpty()) {
      add("/trigger/conditions", "needs at least one condition");
    } else if (t.conditions().size() > MAX_CONDITIONS) {
      add("/trigger/conditions", "may hold at most " + MAX_CONDITIONS + " conditions");
    }
    for (int i = 0; i < t.conditions().size(); i++) {
      condition("/trigger/conditions/" + i, t.conditions().get(i));
    }
    filters("/trigger/audience", t.audience());
    long complaints =
        t.conditions().stream().filter(c -> c.kind() == Condition.Kind.COMPLAINT).count();
    if (complaints > 1) {
      add("/trigger/conditions", "may hold at most one COMPLAINT condition");
    }
  }

  private void condition(String at, Condition c) {
    eventType(at + "/eventType", c.eventType());
    switch (c.kind()) {
      case EVENT -> {
        Condition.Event e = (Condition.Event) c;
        window(at + "/within", e.within());
        filters(at + "/filters", e.filters());
      }
      case THRESHOLD -> {
        Condition.Threshold t = (Condition.Threshold) c;
        window(at + "/window", t.window());
        number(at + "/value", t.value());
        if (t.aggregate() == Aggregate.COUNT && t.value() != null && t.value().signum() < 0) {
          add(at + "/value", "cannot be negative for COUNT");
        }
      }
      case CHANGE -> {
        Condition.Change ch = (Condition.Change) c;
        window(at + "/window", ch.window());
        window(at + "/baseline", ch.baseline());
        if (ch.ratio() != null
            && (ch.ratio().signum() <= 0 || ch.ratio().compareTo(BigDecimal.valueOf(100)) > 0)) {
          add(at + "/ratio", "must be above 0 and at most 100 (1.3 means 130 % of the baseline)");
        } else if (ch.ratio() != null && ch.ratio().compareTo(BigDecimal.ONE) == 0) {
          add(at + "/ratio", "of 1 compares the windows for equality; use e.g. 1.3 or 0.5");
        }
      }
      case LAPSE -> {
        Condition.Lapse l = (Condition.Lapse) c;
        if (l.minDays() < 1 || l.minDays() > 3650) {
          add(at + "/minDays", "must be from 1 to 3650 days");
        }
        if (l.factor().compareTo(BigDecimal.ONE) < 0 || l.factor().compareTo(BigDecimal.TEN) > 0) {
          add(at + "/factor", "must be from 1 to 10 times the usual interval");
        }
      }
      case BURST -> {
        Condition.Burst b = (Condition.Burst) c;
        if (b.count() < 2 || b.count() > 10_000) {
          add(at + "/count", "must be from 2 to 10000 events");
        }
        window(at + "/window", b.window());
      }
      case COMPLAINT -> {
        Condition.Complaint cp = (Condition.Complaint) c;
        if (cp.complexAt() < 1 || cp.complexAt() > 100) {
          add(at + "/complexAt", "must be a score from 1 to 100");
        }
        window(at + "/within", cp.within());
      }
    }
  }

  private void filters(String at, List<AttributeFilter> filters) {
    if (filters.size() > MAX_FILTERS) {
      add(at, "may hold at most " + MAX_FILTERS + " filters");
    }
    for (int i = 0; i < filters.size(); i++) {
      AttributeFilter f = filters.get(i);
      String here = at + "/" + i;
      if (f.attribute() == null || !ATTRIBUTE.matcher(f.attribute()).matches()) {
        add(here + "/attribute", "must be an attribute name of letters, digits, _ . or -");
      }
      if (f.operator() == AttributeFilter.Operator.EXISTS) {
        continue;
      }
      if (f.value() == null || f.value().isBlank()) {
        add(here + "/value", "is required for " + f.operator().name());
      } else if (f.value().length() > 200) {
        add(here + "/value", "must be at most 200 characters");
      } else if (f.operator().numeric()) {
        try {
          new BigDecimal(f.value().strip());
        } catch (NumberFormatException e) {
          add(here + "/value", "must be a number for " + f.operator().name());
        }
      }
    }
  }

  private void eventType(String at, String type) {
    if (type == null || type.isBlank()) {
      add(at, "is required");
    } else if (type.length() > 100 || !EVENT_TYPE.matcher(type).matches()) {
      add(at, "must be an event type such as bill.issued (lower case, dot-separated)");
    }
  }

  private void window(String at, Duration d) {
    if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(MAX_WINDOW) > 0) {
      add(at, "must be from 1 minute to 400 days");
    }
  }

  private void number(String at, BigDecimal n) {
    if (n != null && n.abs().compareTo(MAX_NUMBER) > 0) {
      add(at, "is too large");
    }
  }

  private void add(String pointer, String message) {
    violations.add(new Violation(pointer, message));
  }
}
