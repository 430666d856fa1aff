package dev.shirase.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** By the digest cron: builds, enqueues and sends the weekly digest of the scheduled fire time. */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ShiraseScheduler.run(context, tasks -> tasks.sendDigest(context.getScheduledFireTime().toInstant(),
                context.getFireTime().toInstant()));
    }
}
