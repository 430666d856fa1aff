package dev.shirase.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Every minute: polls the sources that are due, then evaluates and sends urgent alerts. */
@DisallowConcurrentExecution
public final class PollJob implements Job {
    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ShiraseScheduler.run(context, tasks -> tasks.pollAndAlert(context.getFireTime().toInstant()));
    }
}
