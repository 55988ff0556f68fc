package io.forestall.outreach;

import io.forestall.kernel.Channel;
import io.forestall.playbooks.CasesOpened;
import io.forestall.playbooks.PlaybookDefinition;
import java.util.List;
import java.util.Map;

/**
 * What a published playbook version asks of outreach: the template per channel, its level, the
 * self-service options a SELF_HEAL case offers and, for PRE_EMPT, the remedy done first.
 *
 * @param level the playbook's level, by name
 * @param remedyAction what the tenant's system does first, or null
 * @param confirmBy how the remedy is confirmed: {@code API} or {@code WEBHOOK}, or null
 * @param followUpTeam the team that gets the agent tasks its cases' answers open
 * @param offerId the offer shown to eligible customers, or null
 */
public record OutreachPlan(
    long playbookId,
    int playbookVersion,
    String level,
    Map<Channel, Long> messages,
    List<String> options,
    String remedyAction,
    String confirmBy,
    String followUpTeam,
    Long offerId) {

  public OutreachPlan {
    messages = Map.copyOf(messages);
    options = List.copyOf(options);
  }

  /** What the version a scan ran with asks; the frontline team follows its answers up. */
  static OutreachPlan of(CasesOpened opened) {
    PlaybookDefinition d = opened.definition();
    return new OutreachPlan(
        opened.playbookId(),
        opened.version(),
        d.level().name(),
        d.messages(),
        d.options(),
        d.remedy() == null ? null : d.remedy().action(),
        d.remedy() == null ? null : d.remedy().confirmBy().name(),
        opened.weights().frontlineTeam(),
        d.offerId());
  }

  public boolean preEmpts() {
    return remedyAction != null;
  }
}
