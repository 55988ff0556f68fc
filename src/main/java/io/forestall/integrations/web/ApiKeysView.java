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
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs settings/api-keys.xhtml: a tenant admin creates (sees once), lists and revokes API keys.
 */
@Named
@ViewScoped
public class ApiKeysView implements Serializable {

  @Inject ApiKeyService keys;

  private List<ApiKey> rows;
  private String name;
  private ApiKeyScope scope = ApiKeyScope.INGEST;
  private String createdKey;

  public void load() {
    rows = keys.list();
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

  public void revoke(ApiKey row) {
    keys.revoke(row.getId());
    Messages.info("apikeys.revoked", row.getName());
    load();
  }

  public List<ApiKey> getRows() {
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
