package io.forestall.playbooks.jobs;

import io.forestall.kernel.TenantContext;
import io.forestall.kernel.TenantKey;
import io.forestall.playbooks.ScanMode;
import io.forestall.playbooks.ScanService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/**
 * A playbook's scheduled scan, run once across the cluster by the JDBC job store; run again by
 * another node when its node died in the middle.
 */
@Dependent
@DisallowConcurrentExecution
public class ScanPlaybookJob implements Job {

  static final String TENANT = "tenantId";
  static final String SLUG = "tenantSlug";
  static final String PLAYBOOK = "playbookId";

  @Inject ScanService scans;

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    JobDataMap data = context.getMergedJobDataMap();
    TenantKey tenant = new TenantKey(Long.parseLong(data.getString(TENANT)), data.getString(SLUG));
    long playbook = Long.parseLong(data.getString(PLAYBOOK));
    try {
      TenantContext.runAsSystem(
          tenant,
          () -> {
            if (context.isRecovering()) {
              scans.rescan(playbook);
            } else {
              scans.scan(playbook, ScanMode.SCHEDULED);
            }
          });
    } catch (RuntimeException e) {
      throw new JobExecutionException(e);
    }
  }
}
