package io.forestall.analytics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One root cause on the close-the-loop board.
 *
 * @param open cases not yet resolved or verified
 * @param failureDemand repeat contacts times the tenant's cost per contact, in {@code currency}
 * @param latest when its latest case was detected
 */
public record BoardLine(
    String rootCause,
    long cases,
    long open,
    long repeatContacts,
    BigDecimal failureDemand,
    String currency,
    Instant latest) {}
