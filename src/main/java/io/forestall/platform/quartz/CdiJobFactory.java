package io.forestall.platform.quartz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Unmanaged;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Creates each job instance through CDI so jobs can {@code @Inject} services. Instances are
 * unmanaged: a fresh one per execution that the container does not track, so nothing accumulates
 * between runs.
 */
@ApplicationScoped
class CdiJobFactory implements JobFactory {

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    try {
      return new Unmanaged<>(type).newInstance().produce().inject().postConstruct().get();
    } catch (RuntimeException e) {
      throw new SchedulerException("Cannot create job " + type.getName(), e);
    }
  }
}
