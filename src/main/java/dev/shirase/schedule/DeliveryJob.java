package dev.shirase.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Every minute: sends the outbox rows that are due (new ones and retries after their backoff). */
@DisallowConcurrentExecution
public final class DeliveryJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ShiraseScheduler.run(context, tasks -> tasks.deliver(context.getFireTime().toInstant()));
    }
}
