package dev.shirase.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.app.Services;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.deliver.OutboxState;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.digest.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.listeners.JobListenerSupport;

/** One real Quartz firing: the delivery job sends what is due in the outbox. */
class ShiraseSchedulerTest {
    @TempDir
    Path dir;

    @Test
    void deliveryJobFiresAndSendsTheOutbox() throws Exception {
        Files.writeString(dir.resolve("feeds.yaml"), "sources:\n  - id: off\n    type: jvn\n    url: http://127.0.0.1:9/x\n"
                + "    enabled: false\n", StandardCharsets.UTF_8);
        try (Services services = Services.open(ShiraseConfig.defaults(dir), Clock.systemUTC(),
                new EnvironmentResolver(Map.of()), line -> { })) {
            RenderedMessage message = new RenderedMessage("test:quartz", Kind.DIGEST, "subject", "body", "<p>body</p>",
                    List.of("{\"text\":\"body\"}"), "{}");
            services.outbox().enqueue(message, "file", services.clock().instant());
            ServiceTasks tasks = new ServiceTasks(services);
            CountDownLatch delivered = new CountDownLatch(1);
            try (ShiraseScheduler scheduler = ShiraseScheduler.start(tasks, Duration.ofHours(1), Duration.ofMillis(300))) {
                scheduler.quartz().getListenerManager().addJobListener(new JobListenerSupport() {
                    @Override
                    public String getName() {
                        return "test";
                    }

                    @Override
                    public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                        if (context.getJobDetail().getKey().equals(ShiraseScheduler.DELIVERY)) {
                            delivered.countDown();
                        }
                    }
                });
                assertThat(delivered.await(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(services.outbox().find("test:quartz", "file").orElseThrow().state()).isEqualTo(OutboxState.SENT);
            assertThat(Files.readString(dir.resolve("data/outbox/file/test_quartz.txt"))).isEqualTo("body");
        }
    }
}
