package io.forestall.playbooks;

import io.forestall.kernel.Channel;
import io.forestall.triggers.Trigger;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a tenant admin decides about a playbook. A draft holds one; publishing freezes a copy
 * as a numbered version, and every case names the version that found it.
 *
 * @param schedule a Quartz cron expression, read in the tenant's time zone
 * @param cooldown the least time between two cases of this playbook for one customer
 * @param holdoutPercent the share of detected customers deterministically held back from outreach
 * @param verifyWindow how long after resolution a new contact counts as a repeat
 * @param priority 1 (highest) to 5 (lowest)
 * @param contactEventType for REACT: the customer's contact that makes the waiting case a task
 * @param rootCause for AVOID: the cause the case is filed under on the problem board
 * @param messages per channel, the template the customer's message is written with; only levels
 *     that reach the customer have them
 * @param options for SELF_HEAL: the self-service choices the action page offers
 * @param remedy for PRE_EMPT: what the tenant's system does first
 * @param offerId the offer its messages and action page show eligible customers, or null
 */
public record PlaybookDefinition(
    String name,
    String description,
    Level level,
    int priority,
    String schedule,
    Duration cooldown,
    int holdoutPercent,
    Duration verifyWindow,
    Trigger trigger,
    String contactEventType,
    String rootCause,
    Map<Channel, Long> messages,
    List<String> options,
    Remedy remedy,
    Long offerId) {

  public PlaybookDefinition {
    options = List.copyOf(options);
    EnumMap<Channel, Long> sorted = new EnumMap<>(Channel.class);
    sorted.putAll(messages);
    messages = Collections.unmodifiableMap(sorted);
  }
}
