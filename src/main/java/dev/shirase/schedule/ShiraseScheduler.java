package dev.shirase.schedule;

import java.time.Duration;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Consumer;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz wiring of {@code run}: a poll job and an outbox delivery job on a fixed interval (a minute by default)
 * and the digest job on its cron in the configured time zone. Quartz keeps its jobs in memory (RAMJobStore): all
 * state that matters (source states, outbox, the last digest handled) is in the database, and a digest missed while
 * the service was down is caught up by {@link ServiceTasks#catchUpDigest} at start, so Quartz's own misfire
 * handling is turned off for the digest.
 */
public final class ShiraseScheduler implements AutoCloseable {
    static final String TASKS = "shirase.tasks";
    public static final JobKey POLL = JobKey.jobKey("poll", "shirase");
    public static final JobKey DIGEST = JobKey.jobKey("digest", "shirase");
    public static final JobKey DELIVERY = JobKey.jobKey("delivery", "shirase");
    private static final Logger LOG = LoggerFactory.getLogger(ShiraseScheduler.class);

    private final Scheduler scheduler;

    private ShiraseScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the three jobs with the default one-minute interval for polling and delivery. */
    public static ShiraseScheduler start(ServiceTasks tasks) {
        return start(tasks, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    /** Starts the jobs; the intervals are parameters so a test can see a real firing quickly. */
    public static ShiraseScheduler start(ServiceTasks tasks, Duration pollInterval, Duration deliveryInterval) {
        try {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "shirase-" + UUID.randomUUID());
            p.setProperty("org.quartz.threadPool.threadCount", "3");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.getContext().put(TASKS, tasks);
            scheduler.scheduleJob(job(PollJob.class, POLL), interval(POLL, pollInterval));
            scheduler.scheduleJob(job(DeliveryJob.class, DELIVERY), interval(DELIVERY, deliveryInterval));
            scheduler.scheduleJob(job(DigestJob.class, DIGEST), digestTrigger(tasks.schedule()));
            scheduler.start();
            LOG.info("scheduler started: digest \"{}\" ({}), next at {}", tasks.schedule().cron(),
                    tasks.schedule().zone(), scheduler.getTrigger(digestTrigger(tasks.schedule()).getKey()).getNextFireTime());
            return new ShiraseScheduler(scheduler);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** The digest's cron trigger in the schedule's zone; a missed fire is left to the catch-up at start. */
    public static Trigger digestTrigger(DigestSchedule schedule) {
        return TriggerBuilder.newTrigger().withIdentity("digest", "shirase").forJob(DIGEST)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }

    private static JobDetail job(Class<? extends Job> type, JobKey key) {
        return JobBuilder.newJob(type).withIdentity(key).build();
    }

    private static Trigger interval(JobKey key, Duration every) {
        return TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(Math.max(1, every.toMillis())).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Runs one job's work with the tasks from the scheduler context; a failure is logged, never rethrown as fatal. */
    static void run(JobExecutionContext context, Consumer<ServiceTasks> work) throws JobExecutionException {
        try {
            work.accept((ServiceTasks) context.getScheduler().getContext().get(TASKS));
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (RuntimeException e) {
            // One bad pass must not stop the schedule: log it, the next firing tries again.
            LOG.error("{} failed: {}", context.getJobDetail().getKey().getName(), e.toString(), e);
        }
    }

    /**
     * Stops firing and waits (up to ten minutes) for running jobs to finish, then stops Quartz. The wait is ours, not
     * {@code shutdown(true)}'s: Quartz's SimpleThreadPool can lose a job handed to a worker at the very moment the
     * pool halts, and {@code shutdown(true)} then waits for it forever.
     */
    @Override
    public void close() {
        try {
            scheduler.standby();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            scheduler.shutdown(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.getMessage());
        }
    }

    Scheduler quartz() {
        return scheduler;
    }
}
