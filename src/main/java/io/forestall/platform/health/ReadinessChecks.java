package io.forestall.platform.health;

import io.forestall.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.quartz.Scheduler;

/**
 * Health probes: ready when the database answers and the scheduler runs; live while the app is
 * deployed.
 */
@ApplicationScoped
public class ReadinessChecks {

  @Inject Database database;
  @Inject jakarta.enterprise.inject.Instance<Scheduler> scheduler;

  @Produces
  @Readiness
  HealthCheck database() {
    return () -> {
      try (Connection connection = database.managed().getConnection()) {
        return HealthCheckResponse.named("database")
            .status(connection.isValid(2))
            .withData("vendor", database.vendor().name())
            .build();
      } catch (Exception e) {
        return HealthCheckResponse.named("database")
            .down()
            .withData("error", e.getMessage())
            .build();
      }
    };
  }

  @Produces
  @Readiness
  HealthCheck scheduler() {
    return () -> {
      try {
        Scheduler current = scheduler.get();
        boolean running = current != null && current.isStarted() && !current.isShutdown();
        var response = HealthCheckResponse.named("scheduler").status(running);
        if (current != null) {
          response.withData("instance", current.getSchedulerInstanceId());
        }
        return response.build();
      } catch (Exception e) {
        return HealthCheckResponse.named("scheduler")
            .down()
            .withData("error", e.getMessage())
            .build();
      }
    };
  }

  @Produces
  @Liveness
  HealthCheck deployed() {
    return () -> HealthCheckResponse.up("forestall");
  }
}
