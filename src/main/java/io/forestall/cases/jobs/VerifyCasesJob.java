package io.forestall.cases.jobs;

import io.forestall.cases.CaseVerification;
import io.forestall.kernel.Caller;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;

/** The daily closed-loop pass over all tenants; all logic is in CaseVerification. */
@Dependent
@DisallowConcurrentExecution
public class VerifyCasesJob implements Job {

  public static final JobKey KEY = JobKey.jobKey("verify-cases", "platform");

  @Inject CaseVerification verification;
  @Inject Clock clock;

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      Caller.runAs(Caller.SYSTEM, () -> verification.sweepAll(clock.instant()));
    } catch (RuntimeException e) {
      throw new JobExecutionException(e);
    }
  }
}
