package io.forestall.platform.quartz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Unmanaged;
import org.jboss.logging.MDC;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Creates each job instance through CDI so jobs can {@code @Inject} services. Instances are
 * unmanaged: a fresh one per execution that the container does not track, so nothing accumulates
 * between runs. Each run's log lines carry its job's key as {@value #LOG_KEY}.
 */
@ApplicationScoped
class CdiJobFactory implements JobFactory {

  /** The log context (MDC) key of the running job. */
  static final String LOG_KEY = "job";

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    String key = bundle.getJobDetail().getKey().toString();
    try {
      Job job = new Unmanaged<>(type).newInstance().produce().inject().postConstruct().get();
      return context -> {
        MDC.put(LOG_KEY, key);
        try {
          job.execute(context);
        } finally {
          MDC.remove(LOG_KEY);
        }
      };
    } catch (RuntimeException e) {
      throw new SchedulerException("Cannot create job " + type.getName(), e);
    }
  }
}
