package io.forestall.playbooks.web;

import io.forestall.playbooks.Playbook;
import io.forestall.playbooks.PlaybookService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tenant's playbooks. */
@Named
@RequestScoped
public class PlaybookListView {

  @Inject PlaybookService playbooks;

  private List<Playbook> rows;

  public void load() {
    rows = playbooks.list();
  }

  /** The level the draft is set to. */
  public String level(Playbook playbook) {
    return playbooks.draft(playbook).level().name();
  }

  public List<Playbook> getRows() {
    return rows;
  }
}
