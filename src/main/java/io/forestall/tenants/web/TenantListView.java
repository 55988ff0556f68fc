package io.forestall.tenants.web;

import io.forestall.kernel.ConflictException;
import io.forestall.platform.faces.FormErrors;
import io.forestall.platform.faces.Messages;
import io.forestall.tenants.HousekeepingRun;
import io.forestall.tenants.HousekeepingService;
import io.forestall.tenants.NewTenant;
import io.forestall.tenants.Tenant;
import io.forestall.tenants.TenantCreated;
import io.forestall.tenants.TenantService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.PrimeFaces;

/**
 * Backs platform/tenants.xhtml: the platform admin's list of tenants, with create, rename and
 * suspend.
 */
@Named
@ViewScoped
public class TenantListView implements Serializable {

  private static final Logger LOG = Logger.getLogger(TenantListView.class.getName());

  @Inject TenantService tenants;
  @Inject HousekeepingService housekeeping;

  private List<Tenant> rows;
  private NewTenantForm newTenant = new NewTenantForm();
  private TenantCreated created;
  private Tenant renaming;
  private String newName;

  public void load() {
    rows = tenants.all();
  }

  public void prepareCreate() {
    newTenant = new NewTenantForm();
    created = null;
  }

  public void create() {
    try {
      NewTenant request = newTenant.toRequest();
      created = tenants.create(request);
      load();
      PrimeFaces.current().executeScript("PF('createDialog').hide(); PF('createdDialog').show();");
    } catch (ConstraintViolationException e) {
      FormErrors.show("createForm", e);
    } catch (ConflictException e) {
      Messages.error("tenant.create.conflict", e.getMessage());
      FacesContext.getCurrentInstance().validationFailed();
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Tenant creation failed", e);
      Messages.error("tenant.create.identityFailed");
      FacesContext.getCurrentInstance().validationFailed();
    }
  }

  public void startRename(Tenant row) {
    renaming = row;
    newName = row.getName();
  }

  public void rename() {
    try {
      tenants.rename(renaming.getId(), newName);
      Messages.info("tenant.renamed", renaming.getSlug());
      load();
      PrimeFaces.current().executeScript("PF('renameDialog').hide()");
    } catch (ConstraintViolationException e) {
      FormErrors.show("renameForm", e);
    }
  }

  public void suspend(Tenant row) {
    tenants.suspend(row.getId());
    Messages.info("tenant.suspended", row.getSlug());
    load();
  }

  public void resume(Tenant row) {
    tenants.resume(row.getId());
    Messages.info("tenant.resumed", row.getSlug());
    load();
  }

  public HousekeepingRun getLastHousekeeping() {
    return housekeeping.latest().orElse(null);
  }

  public List<Tenant> getRows() {
    return rows;
  }

  public NewTenantForm getNewTenant() {
    return newTenant;
  }

  /**
   * The new tenant's admin and one-time password, shown once (records are not readable from EL).
   */
  public String getCreatedAdmin() {
    return created == null ? null : created.adminUsername();
  }

  public String getCreatedPassword() {
    return created == null ? null : created.oneTimePassword();
  }

  public Tenant getRenaming() {
    return renaming;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }
}
