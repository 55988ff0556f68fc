package io.forestall.platform.quartz;

import java.util.Objects;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Fired once per node, in a transaction, before the scheduler starts: features observe it to make
 * sure their recurring jobs exist. Registration is idempotent, so every node of a cluster may do
 * it.
 */
public record SchedulerStarting(Scheduler scheduler) {

  /**
   * Makes sure {@code type} runs on {@code cron} (UTC) under {@code key}; replaces a changed
   * schedule.
   */
  public void ensureCron(JobKey key, Class<? extends Job> type, String cron, String description)
      throws SchedulerException {
    TriggerKey triggerKey = TriggerKey.triggerKey(key.getName(), key.getGroup());
    Trigger existing = scheduler.getTrigger(triggerKey);
    if (existing instanceof CronTrigger current
        && Objects.equals(current.getCronExpression(), cron)
        && scheduler.checkExists(key)) {
      return;
    }
    JobDetail job =
        JobBuilder.newJob(type)
            .withIdentity(key)
            .withDescription(description)
            .requestRecovery()
            .storeDurably()
            .build();
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(triggerKey)
            .forJob(key)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone("UTC"))
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
  }
}
