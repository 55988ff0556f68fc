package io.forestall.demo;

import static io.forestall.kernel.JsonFactory.JSON;

import io.forestall.events.EventDraft;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo tenants' event history, relative to the moment of seeding, so that each demo playbook
 * finds a few customers and passes over the rest. Event ids are fixed, so seeding again adds
 * nothing.
 */
final class DemoEvents {

  /** Acme's usual monthly bill per customer, in GBP. */
  private static final Map<String, String> MONTHLY_BILL =
      Map.ofEntries(
          Map.entry("ACME-1001", "45.00"),
          Map.entry("ACME-1002", "96.10"),
          Map.entry("ACME-1003", "120.00"),
          Map.entry("ACME-1004", "12.50"),
          Map.entry("ACME-1005", "45.00"),
          Map.entry("ACME-1006", "38.00"),
          Map.entry("ACME-1007", "54.00"),
          Map.entry("ACME-1008", "96.10"),
          Map.entry("ACME-1009", "38.00"),
          Map.entry("ACME-1010", "45.00"),
          Map.entry("ACME-1011", "12.50"),
          Map.entry("ACME-1012", "120.00"));

  /** Acme customers whose last bill is far above their usual one, and that bill. */
  private static final Map<String, String> SHOCK_BILL =
      Map.of("ACME-1002", "182.40", "ACME-1007", "118.75");

  /** Acme customers whose data usage fell to a quarter over the last week. */
  private static final List<String> USAGE_DROPPED = List.of("ACME-1004", "ACME-1010", "ACME-1012");

  private final Instant now;
  private final List<EventDraft> events = new ArrayList<>();

  private DemoEvents(Instant now) {
    this.now = now;
  }

  /**
   * Bills for four months (two shocks), 35 days of data usage (three drops), a burst of rage clicks
   * on the payment page, and complaints: one complex, one simple, a few old ones that set the usual
   * length.
   */
  static List<EventDraft> acme(Instant now, List<DemoCustomers.Row> customers) {
    DemoEvents acme = new DemoEvents(now);
    for (int i = 0; i < customers.size(); i++) {
      String customer = customers.get(i).externalId();
      BigDecimal bill = new BigDecimal(MONTHLY_BILL.get(customer));
      for (int month = 3; month >= 0; month--) {
        BigDecimal amount =
            month == 0 && SHOCK_BILL.containsKey(customer)
                ? new BigDecimal(SHOCK_BILL.get(customer))
                : bill.multiply(BigDecimal.valueOf(100 + ((i + month) % 5) - 2))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        acme.add(
            "bill-" + customer + "-m" + month,
            customer,
            "bill.issued",
            Duration.ofDays(5 + 30L * month),
            amount,
            JSON.createObjectBuilder().add("currency", "GBP").add("period", "month").build());
      }
      BigDecimal daily = BigDecimal.valueOf(1.2 + (i % 4) * 0.6).setScale(2, RoundingMode.HALF_UP);
      for (int day = 1; day <= 35; day++) {
        BigDecimal usage =
            daily.multiply(BigDecimal.valueOf(90 + (i * 7 + day * 13) % 21)).movePointLeft(2);
        if (day <= 7 && USAGE_DROPPED.contains(customer)) {
          usage = usage.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
        }
        acme.add(
            "usage-" + customer + "-d" + day,
            customer,
            "usage.recorded",
            Duration.ofDays(day).minusHours(2),
            usage.setScale(2, RoundingMode.HALF_UP),
            JSON.createObjectBuilder().add("unit", "GB").build());
      }
    }
    for (int click = 0; click < 6; click++) {
      acme.add(
          "rage-ACME-1005-" + click,
          "ACME-1005",
          "ui.rage_click",
          Duration.ofMinutes(120).minusSeconds(click * 14L),
          null,
          JSON.createObjectBuilder()
              .add("page", "/billing/pay")
              .add("element", "#pay-now")
              .build());
    }
    for (int click = 0; click < 2; click++) {
      acme.add(
          "rage-ACME-1009-" + click,
          "ACME-1009",
          "ui.rage_click",
          Duration.ofMinutes(300 + click * 45L),
          null,
          JSON.createObjectBuilder().add("page", "/plans").add("element", ".compare").build());
    }
    String[] earlier = {
      "My parcel tracking link does not open.",
      "Please change the address on my account.",
      "The app logs me out every day.",
      "Can I move my bill date to the 15th?"
    };
    for (int k = 0; k < earlier.length; k++) {
      acme.complaint(
          "complaint-old-" + k,
          customers.get(k * 2).externalId(),
          20 + 9 * k,
          earlier[k],
          0,
          "mobile");
    }
    acme.complaint(
        "complaint-ACME-1003",
        "ACME-1003",
        0,
        "I have been overcharged £240 for roaming on our business lines although every handset was"
            + " on the EU roaming pack. This is the third month in a row, your chat agent promised a"
            + " refund twice and nothing came. Attached are the invoices and the pack confirmations."
            + " I need the money back and a written explanation for our finance team this week.",
        2,
        "laptop");
    acme.complaint(
        "complaint-ACME-1011", "ACME-1011", 0, "How do I change my voicemail PIN?", 0, "mobile");
    return acme.events;
  }

  /** Bookings for everyone, then one cancelled flight with three of its passengers. */
  static List<EventDraft> globex(Instant now, List<DemoCustomers.Row> customers) {
    DemoEvents globex = new DemoEvents(now);
    List<String> onCancelledFlight = List.of("GX-FF-20001", "GX-FF-20004", "GX-FF-20008");
    for (int i = 0; i < customers.size(); i++) {
      String customer = customers.get(i).externalId();
      boolean cancelled = onCancelledFlight.contains(customer);
      JsonObject flight =
          JSON.createObjectBuilder()
              .add("flight", cancelled ? "GX 412" : "GX " + (200 + i * 17))
              .add("from", "FRA")
              .add("to", cancelled ? "LHR" : i % 2 == 0 ? "VIE" : "JFK")
              .add(
                  "departure",
                  OffsetDateTime.ofInstant(now.plus(Duration.ofHours(20)), ZoneOffset.UTC)
                      .toString())
              .build();
      globex.add(
          "booking-" + customer, customer, "flight.booked", Duration.ofDays(12 + i), null, flight);
      if (cancelled) {
        globex.add(
            "cancel-GX412-" + customer,
            customer,
            "flight.cancelled",
            Duration.ofHours(3),
            null,
            JSON.createObjectBuilder()
                .add("flight", "GX 412")
                .add("reason", "crew shortage")
                .build());
      }
    }
    globex.add(
        "delay-GX217-GX-FF-20002",
        "GX-FF-20002",
        "flight.delayed",
        Duration.ofHours(1),
        BigDecimal.valueOf(45),
        JSON.createObjectBuilder().add("flight", "GX 217").add("unit", "minutes").build());
    return globex.events;
  }

  /**
   * A year of oil changes, each customer at their own rhythm: most are on time, two are overdue,
   * and one who comes twice a year is not late yet although 150 days have passed.
   */
  static List<EventDraft> brightwheel(Instant now) {
    DemoEvents garage = new DemoEvents(now);
    // customer, usual interval in days, days since the last visit
    Object[][] rhythm = {
      {"BW-3001", 90, 35},
      {"BW-3002", 91, 140},
      {"BW-3003", 85, 60},
      {"BW-3004", 180, 150},
      {"BW-3005", 95, 12},
      {"BW-3006", 60, 100},
      {"BW-3007", 120, 80},
      {"BW-3008", 90, 88}
    };
    for (Object[] r : rhythm) {
      String customer = (String) r[0];
      int interval = (Integer) r[1];
      int since = (Integer) r[2];
      for (int visit = 0; since + interval * visit <= 365; visit++) {
        garage.add(
            "oil-" + customer + "-" + visit,
            customer,
            "service.oil_change",
            Duration.ofDays(since + (long) interval * visit),
            BigDecimal.valueOf(79 + visit * 3),
            JSON.createObjectBuilder()
                .add("currency", "GBP")
                .add("mileage", 42_000 - visit * 7_500)
                .build());
      }
    }
    return garage.events;
  }

  private void complaint(
      String id, String customer, int daysAgo, String text, int attachments, String device) {
    add(
        id,
        customer,
        "complaint.created",
        Duration.ofDays(daysAgo).plusMinutes(40),
        null,
        JSON.createObjectBuilder()
            .add("text", text)
            .add("attachments", attachments)
            .add("device", device)
            .add("channel", "web form")
            .build());
  }

  private void add(
      String id,
      String customer,
      String type,
      Duration ago,
      BigDecimal value,
      JsonObject attributes) {
    events.add(
        new EventDraft(
            "demo-" + id,
            customer,
            type,
            OffsetDateTime.ofInstant(now.minus(ago), ZoneOffset.UTC),
            value,
            attributes));
  }
}
