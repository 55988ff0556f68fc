package io.forestall.cases.jobs;

import io.forestall.platform.quartz.SchedulerStarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.SchedulerException;

/** Keeps the case verification on its daily schedule (03:15 UTC unless configured otherwise). */
@ApplicationScoped
class VerificationSchedule {

  @Inject
  @ConfigProperty(name = "forestall.verification.cron", defaultValue = "0 15 3 * * ?")
  String cron;

  void register(@Observes SchedulerStarting scheduler) throws SchedulerException {
    scheduler.ensureCron(VerifyCasesJob.KEY, VerifyCasesJob.class, cron, "Daily case verification");
  }
}
