package io.forestall.integrations.web;

import io.forestall.integrations.ApiKey;
import io.forestall.integrations.ApiKeyScope;
import io.forestall.integrations.ApiKeyService;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs settings/api-keys.xhtml: a tenant admin creates (sees once), lists and revokes API keys.
 */
@Named
@ViewScoped
public class ApiKeysView implements Serializable {

  @Inject ApiKeyService keys;

  private List<Row> rows;
  private String name;
  private ApiKeyScope scope = ApiKeyScope.INGEST;
  private String createdKey;

  /** A key as the table shows it. */
  public static final class Row implements Serializable {
    private final long id;
    private final String name;
    private final String prefix;
    private final String scope;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final boolean active;

    Row(ApiKey k) {
      id = k.getId();
      name = k.getName();
      prefix = k.getPrefix();
      scope = k.getScope().name();
      createdAt = k.getCreatedAt();
      lastUsedAt = k.getLastUsedAt();
      active = k.isActive();
    }

    public long getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getPrefix() {
      return prefix;
    }

    public String getScope() {
      return scope;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public Instant getLastUsedAt() {
      return lastUsedAt;
    }

    public boolean isActive() {
      return active;
    }
  }

  public void load() {
    rows = keys.list().stream().map(Row::new).toList();
  }

  public void create() {
    try {
      createdKey = keys.create(name == null ? "" : name, scope).key();
      name = null;
      load();
      PrimeFaces.current().executeScript("PF('createdDialog').show()");
    } catch (ConstraintViolationException e) {
      FormErrors.show("create", e);
    }
  }

  public void revoke(Row row) {
    keys.revoke(row.getId());
    Messages.info("apikeys.revoked", row.getName());
    load();
  }

  public List<Row> getRows() {
    return rows;
  }

  public ApiKeyScope[] getScopes() {
    return ApiKeyScope.values();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ApiKeyScope getScope() {
    return scope;
  }

  public void setScope(ApiKeyScope scope) {
    this.scope = scope;
  }

  public String getCreatedKey() {
    return createdKey;
  }
}
