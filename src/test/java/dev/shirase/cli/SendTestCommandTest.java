package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.deliver.RecordingServer;
import dev.shirase.deliver.RecordingServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send-test --channel NAME}: success, or the exact error. */
class SendTestCommandTest {
    @TempDir
    Path dir;

    private String[] run(String channel) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = RootCommand.commandLine().execute("--config", dir.resolve("shirase.yaml").toString(),
                    "send-test", "--channel", channel);
            return new String[] {String.valueOf(code), buf.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void reportsDeliveryOrTheExactError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (RecordingServer teams = new RecordingServer(Response.of(202, ""))) {
            Files.writeString(dir.resolve("shirase.yaml"), """
                    channels:
                      - name: good-teams
                        type: teams
                        webhook: %s
                      - name: dead-teams
                        type: teams
                        webhook: http://127.0.0.1:%d/hook
                    """.formatted(teams.url("/hook"), closedPort), StandardCharsets.UTF_8);
            String[] ok = run("good-teams");
            assertThat(ok[0]).isEqualTo("0");
            assertThat(ok[1]).contains("good-teams (teams): test message delivered");
            assertThat(teams.requests()).singleElement().satisfies(r -> assertThat(r.body()).contains("AdaptiveCard"));

            String[] dead = run("dead-teams");
            assertThat(dead[0]).isEqualTo("1");
            assertThat(dead[1]).startsWith("dead-teams (teams): temporary failure:");

            assertThat(run("nope")[0]).isEqualTo("2");
        }
    }
}
