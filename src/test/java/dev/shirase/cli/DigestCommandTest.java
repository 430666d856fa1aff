package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.digest.PipelineFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digest --json}, {@code --dry-run} and {@code --send} over a store filled by the real pipeline. */
class DigestCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out) {
    }

    private Result run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of("--config", dir.resolve("shirase.yaml").toString()));
            all.addAll(List.of(args));
            int code = RootCommand.commandLine().execute(all.toArray(String[]::new));
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void jsonPreviewAndSend() throws Exception {
        try (PipelineFixture fixture = PipelineFixture.create(dir, Instant.parse("2026-10-10T00:00:00Z"), "", Map.of())) {
            fixture.pollAll();
            fixture.closeServices();

            Result json = run("digest", "--as-of", "2026-10-10", "--json");
            assertThat(json.code()).isZero();
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertThat(root.at("/window/from").asText()).isEqualTo("2026-10-03");
            assertThat(root.at("/window/to").asText()).isEqualTo("2026-10-09");
            JsonNode sections = root.get("sections");
            assertThat(sections).hasSize(4);
            assertThat(sections.get(0).get("kind").asText()).isEqualTo("AFFECTED");
            assertThat(sections.get(3).get("kind").asText()).isEqualTo("SUMMARY");
            JsonNode first = sections.get(0).get("items").get(0);
            assertThat(first.get("ids").get(0).asText()).isEqualTo("JVNDB-2026-037242");
            assertThat(first.get("ids").get(1).asText()).isEqualTo("CVE-2026-106302");
            assertThat(first.get("title").asText()).startsWith("GoogleのGoogle Chrome");
            assertThat(first.get("assets").get(0).asText()).isEqualTo("社員PC Google Chrome 150.0.7871.100 (情報システム部)");
            assertThat(first.get("reason").asText()).startsWith("Google Chrome 150.0.7871.100 ≤ 155.0.8059.39");
            assertThat(sections.get(1).get("kind").asText()).isEqualTo("CHECK");
            assertThat(sections.get(1).get("items")).hasSize(3);
            assertThat(sections.get(3).get("nothingMatched").asBoolean()).isFalse();

            Result preview = run("digest", "--from", "2026-08-29", "--to", "2026-09-04", "--dry-run");
            assertThat(preview.code()).isZero();
            assertThat(preview.out()).contains("今週は該当なし").contains("2026-08-29");

            Result sent = run("digest", "--as-of", "2026-10-10", "--send");
            assertThat(sent.code()).isZero();
            assertThat(sent.out()).contains("1 new outbox row(s)");
            assertThat(Files.exists(dir.resolve("data/outbox/file/digest_admins_2026-10-03..2026-10-10.txt"))).isTrue();
            Result again = run("digest", "--as-of", "2026-10-10", "--send");
            assertThat(again.out()).contains("0 new outbox row(s)");

            Result status = run("status", "--json");
            JsonNode box = new ObjectMapper().readTree(status.out()).get("outbox");
            assertThat(box.get("sent").asInt()).isEqualTo(1);
            assertThat(box.get("pending").asInt()).isZero();
        }
    }
}
