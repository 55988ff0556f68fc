package io.forestall.triggers;

import java.util.Map;

/**
 * What one condition found for one customer: whether it matched, the numbers as a sentence for
 * people, and the same numbers as data for templates.
 */
public record Finding(
    int index,
    Condition.Kind kind,
    String eventType,
    boolean matched,
    String summary,
    Map<String, Object> data) {}
