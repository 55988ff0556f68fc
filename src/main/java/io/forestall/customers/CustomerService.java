package io.forestall.customers;

import io.forestall.kernel.Allowed;
import io.forestall.kernel.ConflictException;
import io.forestall.kernel.NotFoundException;
import io.forestall.kernel.Role;
import io.forestall.kernel.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes the current tenant's customers. Viewers read; admins and agents also write. */
@ApplicationScoped
@Transactional
@Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER})
public class CustomerService {

  @Inject CustomerRepository customers;
  @Inject Clock clock;

  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public Customer get(long id) {
    return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  /** The customers among {@code ids}, by id; those of other tenants are not there. */
  public Map<Long, Customer> getAll(Collection<Long> ids) {
    return customers.findByIds(ids);
  }

  public Optional<Customer> findByExternalId(String externalId) {
    return customers.findByExternalId(externalId);
  }

  public List<Customer> list(CustomerQuery query) {
    return customers.page(query);
  }

  public long count(CustomerQuery query) {
    return customers.count(query);
  }

  /** Adds a customer; its external id must be new for this tenant. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public Customer create(@NotNull @Valid CustomerDraft draft) {
    if (customers.findByExternalId(draft.externalId()).isPresent()) {
      throw new ConflictException(
          "A customer with the external id '" + draft.externalId() + "' exists");
    }
    return insert(draft);
  }

  /** Changes a customer's details; the external id stays what it was. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT})
  public Customer update(long id, @NotNull @Valid CustomerDraft draft) {
    Customer customer = get(id);
    customer.apply(draft, clock.instant());
    return customer;
  }

  /**
   * The customer gives or withdraws consent to email or SMS (each left as it is when null), as an
   * opt-out link does; it holds from the next message on.
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.VIEWER, Role.CUSTOMER})
  public Customer consent(long id, Boolean email, Boolean sms) {
    Customer customer = get(id);
    customer.consent(email, sms, clock.instant());
    return customer;
  }

  /** Creates or updates by external id, as the API's upsert does. */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.INGEST})
  public Upserted upsert(@NotNull @Valid CustomerDraft draft) {
    Optional<Customer> existing = customers.findByExternalId(draft.externalId());
    if (existing.isPresent()) {
      existing.get().apply(draft, clock.instant());
      return new Upserted(existing.get(), false);
    }
    return new Upserted(insert(draft), true);
  }

  /**
   * The ids of the current tenant's customers with these external ids, creating unknown ones from
   * their id alone (events may name a customer before the tenant sends its details).
   */
  @Allowed({Role.TENANT_ADMIN, Role.AGENT, Role.INGEST})
  public Map<String, Long> resolveOrCreate(Collection<String> externalIds) {
    return customers.resolveOrCreate(TenantContext.require().id(), externalIds, clock.instant());
  }

  /** The customer after an upsert, and whether it was new. */
  public record Upserted(Customer customer, boolean created) {}

  private Customer insert(CustomerDraft draft) {
    Customer customer = new Customer(draft.externalId(), clock.instant());
    customer.apply(draft, clock.instant());
    customers.add(customer);
    return customer;
  }
}
