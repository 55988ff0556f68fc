package io.forestall.playbooks;

import io.forestall.kernel.Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a playbook needs of the tenant's message templates, which outreach keeps: the published ones
 * to pick from, and whether one may write a channel's messages. Outreach provides it, so playbooks
 * never depend on outreach.
 */
public interface TemplateCatalog {

  /** A template with a published version, to pick by name. */
  record Choice(long id, String name, int version) {}

  /** Published templates by channel, by name. */
  Map<Channel, List<Choice>> published();

  /** Why template {@code id} cannot write {@code channel}'s messages, or empty when it can. */
  Optional<String> unusable(long id, Channel channel);
}
