package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.schedule.ServiceTasks;
import dev.shirase.schedule.ShiraseScheduler;
import dev.shirase.web.WebServer;
import dev.shirase.web.adapter.WebApp;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the service and the archive web page (on {@code --port}, default web.port). Polls due sources every minute and sends urgent alerts after each poll, sends the digest
 * by cron, delivers the outbox every minute, catches up on a digest missed while down, and stops cleanly on SIGTERM.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the service: poll sources when due, send urgent alerts at once, the digest by cron",
                "(schedule.digest, default Mondays 09:00 Asia/Tokyo), retry the outbox; Ctrl-C / SIGTERM stops it."})
public final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "port of the archive web page (default: web.port)")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        var config = GlobalOptions.of(spec).load();
        if (port != null) {
            config = config.withWebPort(port);
        }
        Services services = Services.open(config, line -> System.err.println(line));
        CountDownLatch stopped = new CountDownLatch(1);
        ShiraseScheduler scheduler = null;
        Optional<AutoCloseable> web = Optional.empty();
        // Order at shutdown: the web page, then the scheduler (waiting for running jobs), then the store.
        try {
            // Fail fast on configuration: channels (and their environment variables) and feeds are read now.
            services.channelConfigs();
            services.feeds();
            services.matching();
            ServiceTasks tasks = new ServiceTasks(services);
            tasks.catchUpDigest(services.clock().instant());
            scheduler = ShiraseScheduler.start(tasks);
            WebServer server = WebApp.create(services).start(config.web().bind(), config.web().port());
            web = Optional.of(server);
            System.out.printf("shirase: archive web page on http://%s:%d/%n", config.web().bind(), server.port());
        } catch (RuntimeException e) {
            web.ifPresent(RunCommand::closeQuietly);
            closeQuietly(scheduler);
            services.close();
            throw e;
        }
        ShiraseScheduler running = scheduler;
        Optional<AutoCloseable> runningWeb = web;
        Thread hook = new Thread(() -> {
            System.err.println("shirase: stopping (waiting for running jobs)");
            runningWeb.ifPresent(RunCommand::closeQuietly);
            closeQuietly(running);
            services.close();
            stopped.countDown();
        }, "shirase-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.printf("shirase: running (data %s; channels %s). Stop with Ctrl-C.%n", config.dataDir(),
                String.join(", ", services.channelConfigs().stream().map(c -> c.name()).toList()));
        stopped.await();
        return 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("shirase: while stopping: " + e.getMessage());
        }
    }
}
