package io.forestall.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.io.Serializable;
import org.hibernate.annotations.TenantId;

/**
 * Base of every row that belongs to one tenant. Hibernate fills {@code tenant_id} from {@link
 * TenantContext} on insert and adds it to every query, so no repository can forget it.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity implements Serializable {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @TenantId
  @Column(name = "tenant_id", nullable = false, updatable = false)
  private Long tenantId;

  @Version private long version;

  public Long getId() {
    return id;
  }

  public Long getTenantId() {
    return tenantId;
  }

  public long getVersion() {
    return version;
  }
}
