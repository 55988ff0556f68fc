package io.forestall.analytics.web;

import jakarta.faces.context.FacesContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Rates, differences and money as the analytics screens print them, in the view's language. */
final class Figures {

  private Figures() {}

  /** 0.333 as "33.3 %"; a dash when there is no rate yet. */
  static String percent(Optional<Double> rate) {
    return rate.map(r -> String.format(locale(), "%.1f %%", r * 100)).orElse("–");
  }

  /** −0.125 as "−12.5 pp" with its sign; a dash when there is none. */
  static String points(Optional<Double> difference) {
    return difference.map(d -> String.format(locale(), "%+.1f pp", d * 100)).orElse("–");
  }

  /** 25 GBP as "25.00 GBP". */
  static String money(BigDecimal amount, String currency) {
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(2);
    return format.format(amount) + " " + currency;
  }

  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null || faces.getViewRoot() == null
        ? Locale.ENGLISH
        : faces.getViewRoot().getLocale();
  }
}
