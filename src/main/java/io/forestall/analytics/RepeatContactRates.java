package io.forestall.analytics;

import java.util.Optional;

/**
 * The repeat-contact rate of a playbook's contacted cases against its held-out ones: the share of
 * cases whose customer contacted the business again within the verify window. A negative difference
 * is the contact the outreach saved. The 95 % interval of the difference is Newcombe's hybrid score
 * interval (his method 10): it combines the two Wilson score intervals, so it stays inside [-1, 1]
 * and behaves with small groups and rates near 0 or 1, where the normal approximation does not.
 */
public record RepeatContactRates(
    long contactedCases, long contactedRepeats, long heldOutCases, long heldOutRepeats) {

  /** The 97.5th percentile of the standard normal distribution, for a two-sided 95 % interval. */
  static final double Z = 1.959963984540054;

  /** A confidence interval, as fractions (−0.12 is −12 percentage points). */
  public record Interval(double lower, double upper) {}

  public Optional<Double> contactedRate() {
    return rate(contactedRepeats, contactedCases);
  }

  public Optional<Double> heldOutRate() {
    return rate(heldOutRepeats, heldOutCases);
  }

  /** Contacted rate minus held-out rate; empty while either group is empty. */
  public Optional<Double> difference() {
    if (contactedCases == 0 || heldOutCases == 0) {
      return Optional.empty();
    }
    return Optional.of(
        (double) contactedRepeats / contactedCases - (double) heldOutRepeats / heldOutCases);
  }

  /** The 95 % interval of {@link #difference()}; empty while either group is empty. */
  public Optional<Interval> interval() {
    if (contactedCases == 0 || heldOutCases == 0) {
      return Optional.empty();
    }
    double p1 = (double) contactedRepeats / contactedCases;
    double p2 = (double) heldOutRepeats / heldOutCases;
    Interval w1 = wilson(contactedRepeats, contactedCases);
    Interval w2 = wilson(heldOutRepeats, heldOutCases);
    double d = p1 - p2;
    return Optional.of(
        new Interval(
            d - Math.sqrt(square(p1 - w1.lower()) + square(w2.upper() - p2)),
            d + Math.sqrt(square(w1.upper() - p1) + square(p2 - w2.lower()))));
  }

  /** The Wilson score interval of {@code x} successes in {@code n} trials. */
  static Interval wilson(long x, long n) {
    double p = (double) x / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  private static Optional<Double> rate(long x, long n) {
    return n == 0 ? Optional.empty() : Optional.of((double) x / n);
  }

  private static double square(double v) {
    return v * v;
  }
}
