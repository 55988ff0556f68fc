package io.forestall.platform.quartz;

import io.forestall.platform.persistence.Database;
import io.forestall.platform.persistence.DatabaseMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreCMT;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.utils.DBConnectionManager;

/**
 * This node's Quartz scheduler: the clustered JDBC job store on the application's database (several
 * nodes share it and a job runs on one of them), threads from the container, jobs created through
 * CDI.
 */
@ApplicationScoped
public class QuartzScheduler {

  public static final String NAME = "forestall";

  /** Startup observers that schedule jobs come after this. */
  public static final int PRIORITY = DatabaseMigrations.PRIORITY + 200;

  private static final Logger LOG = Logger.getLogger(QuartzScheduler.class.getName());
  private static final String MANAGED = "forestall.managed";
  private static final String UNMANAGED = "forestall.unmanaged";

  @Inject Database database;
  @Inject CdiJobFactory jobFactory;
  @Inject Event<SchedulerStarting> starting;
  @Resource UserTransaction transaction;
  @Resource ManagedExecutorService executor;
  @Resource ManagedThreadFactory threadFactory;

  @Inject
  @ConfigProperty(name = "forestall.scheduler.threads", defaultValue = "4")
  int threads;

  @Inject
  @ConfigProperty(name = "forestall.node.name", defaultValue = "node")
  String nodeName;

  private Scheduler scheduler;

  void start(@Observes @Priority(PRIORITY) Startup startup) throws Exception {
    DBConnectionManager.getInstance()
        .addConnectionProvider(MANAGED, new DataSourceConnectionProvider(database.managed()));
    DBConnectionManager.getInstance()
        .addConnectionProvider(UNMANAGED, new DataSourceConnectionProvider(database.unmanaged()));
    ManagedThreadExecutor threadExecutor = new ManagedThreadExecutor(threadFactory);
    String instanceId = nodeName + "-" + System.currentTimeMillis();
    DirectSchedulerFactory.getInstance()
        .createScheduler(
            NAME,
            instanceId,
            new ManagedThreadPool(executor, threads),
            threadExecutor,
            jobStore(threadExecutor),
            Map.of(),
            null,
            0,
            -1,
            15_000,
            false,
            null,
            1,
            0);
    scheduler = DirectSchedulerFactory.getInstance().getScheduler(NAME);
    scheduler.setJobFactory(jobFactory);
    // Jobs are registered in their own transaction; the JDBC store must only start after it
    // commits.
    transaction.begin();
    try {
      starting.fire(new SchedulerStarting(scheduler));
      transaction.commit();
    } catch (Exception e) {
      transaction.rollback();
      throw e;
    }
    scheduler.start();
    LOG.info(() -> "Quartz scheduler started as " + instanceId);
  }

  private JobStoreCMT jobStore(ManagedThreadExecutor threadExecutor)
      throws InvalidConfigurationException {
    JobStoreCMT store = new JobStoreCMT();
    store.setDataSource(MANAGED);
    store.setNonManagedTXDataSource(UNMANAGED);
    store.setDontSetAutoCommitFalse(true);
    store.setTablePrefix("qrtz_");
    store.setIsClustered(true);
    store.setClusterCheckinInterval(7_500);
    store.setAcquireTriggersWithinLock(true);
    store.setUseProperties("true");
    store.setThreadExecutor(threadExecutor);
    store.setDriverDelegateClass(
        database.vendor() == Database.Vendor.POSTGRESQL
            ? PostgreSQLDelegate.class.getName()
            : StdJDBCDelegate.class.getName());
    return store;
  }

  /** The scheduler, for features that schedule or trigger jobs. */
  @Produces
  Scheduler scheduler() {
    return scheduler;
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException e) {
        LOG.log(Level.WARNING, "Quartz did not shut down cleanly", e);
      }
    }
  }
}
