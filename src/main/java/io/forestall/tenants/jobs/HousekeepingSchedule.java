package io.forestall.tenants.jobs;

import io.forestall.platform.quartz.SchedulerStarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.SchedulerException;

/** Keeps the housekeeping on its nightly schedule (02:30 UTC unless configured otherwise). */
@ApplicationScoped
class HousekeepingSchedule {

  @Inject
  @ConfigProperty(name = "forestall.housekeeping.cron", defaultValue = "0 30 2 * * ?")
  String cron;

  void register(@Observes SchedulerStarting scheduler) throws SchedulerException {
    scheduler.ensureCron(
        HousekeepTenantsJob.KEY, HousekeepTenantsJob.class, cron, "Nightly tenant housekeeping");
  }
}
