package io.forestall.tenants.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.forestall.kernel.Caller;
import io.forestall.platform.quartz.ManagedThreadPool;
import io.forestall.tenants.HousekeepingRun;
import io.forestall.tenants.HousekeepingService;
import io.forestall.testsupport.Deployments;
import io.forestall.testsupport.Wait;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;

/**
 * The scheduler runs in the server on the clustered JDBC store, and the housekeeping job really
 * runs.
 */
@ExtendWith(ArquillianExtension.class)
class HousekeepTenantsJobIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.forestall(HousekeepTenantsJobIT.class);
  }

  @Inject Scheduler scheduler;
  @Inject HousekeepingService housekeeping;

  @Test
  void theSchedulerIsClusteredOnTheJdbcStoreWithManagedThreads() throws Exception {
    var meta = scheduler.getMetaData();
    assertTrue(meta.isStarted());
    assertTrue(meta.isJobStoreClustered());
    assertTrue(meta.isJobStoreSupportsPersistence());
    assertEquals(JobStoreCMT.class, meta.getJobStoreClass());
    assertEquals(ManagedThreadPool.class, meta.getThreadPoolClass());
  }

  @Test
  void theHousekeepingIsScheduledNightly() throws Exception {
    var trigger =
        scheduler.getTrigger(
            TriggerKey.triggerKey(
                HousekeepTenantsJob.KEY.getName(), HousekeepTenantsJob.KEY.getGroup()));
    assertTrue(trigger instanceof CronTrigger);
    assertEquals("0 30 2 * * ?", ((CronTrigger) trigger).getCronExpression());
  }

  @Test
  void triggeringTheJobRecordsARun() throws Exception {
    long before = latest().map(HousekeepingRun::getId).orElse(0L);
    scheduler.triggerJob(HousekeepTenantsJob.KEY);
    Wait.until(
        "the triggered job records a run after run " + before,
        Duration.ofSeconds(30),
        () -> latest().map(HousekeepingRun::getId).orElse(0L),
        id -> id > before);
    HousekeepingRun run = latest().orElseThrow();
    assertTrue(run.getActiveTenants() >= 2, "acme and globex are active");
    assertEquals(scheduler.getSchedulerInstanceId(), run.getNode());
  }

  private Optional<HousekeepingRun> latest() {
    return Caller.callAs(Caller.SYSTEM, housekeeping::latest);
  }
}
