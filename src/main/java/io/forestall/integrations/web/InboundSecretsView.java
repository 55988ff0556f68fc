package io.forestall.integrations.web;

import io.forestall.integrations.InboundSecret;
import io.forestall.integrations.InboundSecretService;
import io.forestall.kernel.TenantContext;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backs settings/inbound-secrets.xhtml: inbound webhook signing secrets, created, listed, revoked.
 */
@Named
@ViewScoped
public class InboundSecretsView implements Serializable {

  @Inject InboundSecretService secrets;

  private List<InboundSecret> rows;
  private String name;
  private String createdSecret;

  public void load() {
    rows = secrets.list();
  }

  public void create() {
    try {
      createdSecret = secrets.create(name == null ? "" : name).secret();
      name = null;
      load();
      PrimeFaces.current().executeScript("PF('createdDialog').show()");
    } catch (ConstraintViolationException e) {
      FormErrors.show("create", e);
    }
  }

  public void revoke(InboundSecret row) {
    secrets.revoke(row.getId());
    Messages.info("secrets.revoked", row.getName());
    load();
  }

  /** The address tenants post their signed webhooks to. */
  public String getEndpoint() {
    var external = FacesContext.getCurrentInstance().getExternalContext();
    return external.getRequestScheme()
        + "://"
        + external.getRequestServerName()
        + ":"
        + external.getRequestServerPort()
        + external.getRequestContextPath()
        + "/api/v1/webhooks/inbound/"
        + TenantContext.require().slug();
  }

  public List<InboundSecret> getRows() {
    return rows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCreatedSecret() {
    return createdSecret;
  }
}
