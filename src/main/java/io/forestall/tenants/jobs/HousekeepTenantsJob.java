package io.forestall.tenants.jobs;

import io.forestall.kernel.Caller;
import io.forestall.tenants.HousekeepingService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

/** Runs the nightly tenant housekeeping; all logic is in HousekeepingService. */
@Dependent
@DisallowConcurrentExecution
public class HousekeepTenantsJob implements Job {

  public static final JobKey KEY = JobKey.jobKey("housekeep-tenants", "platform");

  @Inject HousekeepingService housekeeping;

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      String node = context.getScheduler().getSchedulerInstanceId();
      Caller.runAs(Caller.SYSTEM, () -> housekeeping.run(node));
    } catch (SchedulerException | RuntimeException e) {
      throw new JobExecutionException(e);
    }
  }
}
