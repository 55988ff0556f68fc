package io.forestall.cases;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily closed-loop pass over every active tenant, each tenant in its own transaction so one
 * tenant's failure neither blocks nor undoes the others; progress is logged per tenant.
 */
@ApplicationScoped
public class CaseVerification {

  private static final Logger LOG = Logger.getLogger(CaseVerification.class.getName());

  @Inject ClosedLoop loop;
  @Inject Database database;

  /** Sweeps every active tenant as of {@code now}; answers the sum of what changed. */
  public LoopRun sweepAll(Instant now) {
    List<TenantKey> tenants = activeTenants();
    LOG.info(() -> "Closed-loop sweep of " + tenants.size() + " tenant(s) as of " + now);
    LoopRun total = LoopRun.NOTHING;
    int failed = 0;
    for (TenantKey tenant : tenants) {
      try {
        LoopRun run = TenantContext.call(tenant, () -> loop.sweep(now));
        total = total.plus(run);
        if (!run.changedNothing()) {
          LOG.info(() -> "Closed-loop sweep of " + tenant.slug() + ": " + run);
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "Closed-loop sweep of " + tenant.slug() + " failed", e);
      }
    }
    LoopRun sum = total;
    int failures = failed;
    LOG.info(() -> "Closed-loop sweep done: " + sum + ", " + failures + " tenant(s) failed");
    return total;
  }

  private List<TenantKey> activeTenants() {
    try (Connection connection = database.managed().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select id, slug from tenant where status = 'ACTIVE' order by id");
        ResultSet rows = query.executeQuery()) {
      List<TenantKey> tenants = new ArrayList<>();
      while (rows.next()) {
        tenants.add(new TenantKey(rows.getLong(1), rows.getString(2)));
      }
      return tenants;
    } catch (SQLException e) {
      throw new PersistenceException("Cannot list the tenants", e);
    }
  }
}
