package io.forestall.webhooks.web;

import io.forestall.kernel.ConflictException;
import io.forestall.kernel.IntegrationEvent;
import io.forestall.kernel.ViolationException;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import io.forestall.webhooks.DeliveryAttempt;
import io.forestall.webhooks.SubscriptionDraft;
import io.forestall.webhooks.WebhookDelivery;
import io.forestall.webhooks.WebhookService;
import io.forestall.webhooks.WebhookSubscription;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.primefaces.PrimeFaces;

/**
 * Backs settings/webhooks.xhtml: outbound webhook subscriptions (created and edited, switched on
 * and off, secrets rotated), those the dispatcher disabled shown first, and one subscription's
 * delivery log with replays.
 */
@Named
@ViewScoped
public class WebhookSubscriptionsView implements Serializable {

  static final int LOG_SIZE = 100;

  @Inject WebhookService webhooks;

  private List<WebhookSubscription> rows;
  private Long editing;
  private String url;
  private String description;
  private List<String> eventTypes = new ArrayList<>();
  private String shownSecret;
  private WebhookSubscription selected;
  private List<WebhookDelivery> deliveries = List.of();
  private long deliveriesTotal;
  private Map<Long, List<DeliveryAttempt>> attempts = Map.of();

  public void load() {
    rows = webhooks.list();
    if (selected != null) {
      selected =
          rows.stream().filter(s -> s.getId().equals(selected.getId())).findFirst().orElse(null);
    }
    loadDeliveries();
  }

  public void save() {
    SubscriptionDraft draft = new SubscriptionDraft(url, description, Set.copyOf(eventTypes), null);
    try {
      if (editing == null) {
        shownSecret = webhooks.create(draft).secret();
        PrimeFaces.current().executeScript("PF('secretDialog').show()");
      } else {
        webhooks.update(editing, draft);
        Messages.info("webhooks.saved");
      }
      clearForm();
      load();
    } catch (ViolationException e) {
      FormErrors.show("subscription", e.violations(), "webhooks.field.");
    }
  }

  public void edit(WebhookSubscription row) {
    editing = row.getId();
    url = row.getUrl();
    description = row.getDescription();
    eventTypes = new ArrayList<>(row.getEventTypes());
  }

  public void clearForm() {
    editing = null;
    url = null;
    description = null;
    eventTypes = new ArrayList<>();
  }

  /** The secret dialog was closed: the secret is not kept any longer. */
  public void forgetSecret() {
    shownSecret = null;
  }

  public void enable(WebhookSubscription row) {
    webhooks.enable(row.getId());
    Messages.info("webhooks.enabled", row.getUrl());
    load();
  }

  public void disable(WebhookSubscription row) {
    webhooks.disable(row.getId());
    Messages.info("webhooks.disabledNow", row.getUrl());
    load();
  }

  public void rotate(WebhookSubscription row) {
    shownSecret = webhooks.rotateSecret(row.getId()).secret();
    load();
    PrimeFaces.current().executeScript("PF('secretDialog').show()");
  }

  public void delete(WebhookSubscription row) {
    webhooks.delete(row.getId());
    if (selected != null && selected.getId().equals(row.getId())) {
      selected = null;
    }
    if (row.getId().equals(editing)) {
      clearForm();
    }
    Messages.info("webhooks.deleted", row.getUrl());
    load();
  }

  public void select(WebhookSubscription row) {
    selected = row;
    loadDeliveries();
  }

  public void replay(WebhookDelivery delivery) {
    try {
      webhooks.replay(delivery.getId());
      Messages.info("webhooks.replayed", delivery.getWebhookId());
    } catch (ConflictException e) {
      Messages.error("webhooks.conflict", e.getMessage());
    }
    loadDeliveries();
  }

  /** Reads the selected subscription's newest deliveries and their attempts, once. */
  public void loadDeliveries() {
    if (selected == null) {
      deliveries = List.of();
      attempts = Map.of();
      deliveriesTotal = 0;
      return;
    }
    WebhookService.DeliveryPage page = webhooks.deliveries(selected.getId(), 0, LOG_SIZE);
    deliveries = page.items();
    deliveriesTotal = page.total();
    attempts = webhooks.attempts(deliveries.stream().map(WebhookDelivery::getId).toList());
  }

  /** Disabled subscriptions, which the page announces above everything else. */
  public List<WebhookSubscription> getDisabled() {
    return rows.stream().filter(s -> !s.isEnabled()).toList();
  }

  public List<String> getTypes() {
    return new ArrayList<>(new TreeSet<>(IntegrationEvent.TYPES));
  }

  public List<DeliveryAttempt> attemptsOf(WebhookDelivery delivery) {
    return attempts.getOrDefault(delivery.getId(), List.of());
  }

  public List<WebhookSubscription> getRows() {
    return rows;
  }

  public Long getEditing() {
    return editing;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(List<String> eventTypes) {
    this.eventTypes = eventTypes == null ? new ArrayList<>() : new ArrayList<>(eventTypes);
  }

  public String getShownSecret() {
    return shownSecret;
  }

  public WebhookSubscription getSelected() {
    return selected;
  }

  public List<WebhookDelivery> getDeliveries() {
    return deliveries;
  }

  public long getDeliveriesTotal() {
    return deliveriesTotal;
  }
}
