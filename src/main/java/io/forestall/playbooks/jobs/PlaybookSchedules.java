package io.forestall.playbooks.jobs;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantDirectory;
import io.forestall.kernel.TenantKey;
import io.forestall.playbooks.ScheduleChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * One Quartz job per active playbook, on the playbook's cron in the tenant's time zone, stored in
 * the clustered JDBC job store (in the caller's transaction) so a scan runs once across nodes. A
 * scan whose node dies is run again at once by another node (requests recovery).
 */
@ApplicationScoped
class PlaybookSchedules {

  @Inject Scheduler scheduler;
  @Inject TenantDirectory tenants;

  void changed(@Observes ScheduleChanged change) {
    if (change.cron() == null) {
      unschedule(change.playbookId());
    } else {
      schedule(change.playbookId(), change.cron());
    }
  }

  private void schedule(long playbookId, String cron) {
    TenantKey tenant = TenantContext.require();
    JobKey key = key(tenant.id(), playbookId);
    JobDetail job =
        JobBuilder.newJob(ScanPlaybookJob.class)
            .withIdentity(key)
            .withDescription("Scan playbook " + playbookId + " of " + tenant.slug())
            .usingJobData(ScanPlaybookJob.TENANT, Long.toString(tenant.id()))
            .usingJobData(ScanPlaybookJob.SLUG, tenant.slug())
            .usingJobData(ScanPlaybookJob.PLAYBOOK, Long.toString(playbookId))
            .storeDurably()
            .requestRecovery()
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(key.getName(), key.getGroup())
            .forJob(key)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone(tenants.zone(tenant)))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    try {
      scheduler.scheduleJob(job, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot schedule playbook " + playbookId, e);
    }
  }

  private void unschedule(long playbookId) {
    try {
      scheduler.deleteJob(key(TenantContext.require().id(), playbookId));
    } catch (SchedulerException e) {
      throw new IllegalStateException("Cannot unschedule playbook " + playbookId, e);
    }
  }

  static JobKey key(long tenantId, long playbookId) {
    return JobKey.jobKey("playbook-" + playbookId, "tenant-" + tenantId);
  }
}
