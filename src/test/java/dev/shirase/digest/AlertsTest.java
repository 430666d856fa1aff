package dev.shirase.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.deliver.OutboxEntry;
import dev.shirase.deliver.OutboxState;
import dev.shirase.schedule.ServiceTasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The urgent-alert rule over the real pipeline; the outbox (default file channel) remembers what was sent. */
class AlertsTest {
    @TempDir
    Path dir;
    PipelineFixture fixture;

    @BeforeEach
    void fill() throws Exception {
        fixture = PipelineFixture.create(dir, Instant.parse("2026-10-10T00:00:00Z"), "", Map.of());
        fixture.pollAll();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<String> alertKeys() {
        return fixture.services.outbox().entries().stream().filter(e -> e.kind().equals("ALERT"))
                .map(OutboxEntry::key).sorted().toList();
    }

    private int evaluate() {
        return new ServiceTasks(fixture.services).evaluateAlerts(fixture.clock.instant());
    }

    @Test
    void kevListingAlertsOnceAndANewJapaneseAlertEscalates() {
        // Nothing urgent in the samples: no KEV, no Japanese alert, no CVSS ≥ 9 on anything 該当.
        assertThat(evaluate()).isZero();
        assertThat(alertKeys()).isEmpty();
        fixture.listInKev("CVE-2026-106303");
        assertThat(evaluate()).isEqualTo(1);
        assertThat(alertKeys()).containsExactly("alert:admins:CVE-2026-106303:chrome:affected+kev");
        assertThat(fixture.services.outbox().entries()).singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(OutboxState.SENT));
        // Evaluated again (the next poll): nothing new.
        assertThat(evaluate()).isZero();
        fixture.restart();
        assertThat(evaluate()).isZero();
        // A JPCERT alert now names the same threat: an escalation, sent once more.
        fixture.ingest(PipelineFixture.jpcertAlert("JPCERT-AT-2026-9002", "CVE-2026-106303", "2026-10-09T12:00:00+09:00"));
        assertThat(evaluate()).isEqualTo(1);
        assertThat(alertKeys()).containsExactly("alert:admins:CVE-2026-106303:chrome:affected+kev",
                "alert:admins:CVE-2026-106303:chrome:affected+kev+jp");
        assertThat(evaluate()).isZero();
    }

    @Test
    void cvssAtOrAboveTheMinimumOrAJapaneseAlertTriggers() {
        AlertBuilder atThreeSeven = new AlertBuilder(fixture.services.advisories(), fixture.services.matches(),
                fixture.services.assets(), "https://shirase.example.jp", new AlertRule(3.7, true, true));
        List<Digest> alerts = atThreeSeven.alerts(Audience.ADMINS, Locale.JAPANESE, LocalDate.parse("2026-10-10"));
        assertThat(alerts).extracting(Digest::key).containsExactlyInAnyOrder(
                "alert:admins:CVE-2026-106302:chrome:affected",
                "alert:admins:CVE-2026-106303:chrome:affected",
                "alert:admins:CVE-2026-42356:web-httpd:affected");
        AlertBuilder atThreeEight = new AlertBuilder(fixture.services.advisories(), fixture.services.matches(),
                fixture.services.assets(), "https://shirase.example.jp", new AlertRule(3.8, true, true));
        assertThat(atThreeEight.alerts(Audience.ADMINS, Locale.JAPANESE, LocalDate.parse("2026-10-10")))
                .extracting(Digest::key).doesNotContain("alert:admins:CVE-2026-42356:web-httpd:affected");

        // A Japanese alert alone triggers under the default rule.

        fixture.ingest(PipelineFixture.jpcertAlert("JPCERT-AT-2026-9003", "CVE-2026-106302", "2026-10-09T12:00:00+09:00"));
        assertThat(evaluate()).isEqualTo(1);
        assertThat(alertKeys()).containsExactly("alert:admins:CVE-2026-106302:chrome:affected+jp");
        String text = fixture.services.outbox().payload(alertKeys().get(0), "file").orElseThrow().text();
        assertThat(text).contains("社員PC Google Chrome").contains("JPCERT-AT-2026-9003").contains("JVNDB-2026-037242");
    }

    @Test
    void checkBecomingAffectedIsAlerted() throws Exception {
        AlertRule rule = new AlertRule(8.0, true, true); // TeamCity CVE-2026-100254 has CVSS 8.8
        assertThat(builder(rule).alerts(Audience.ADMINS, Locale.JAPANESE, LocalDate.parse("2026-10-10")))
                .extracting(Digest::key).noneMatch(k -> k.contains("teamcity")); // 要確認: version unknown
        // The inventory now knows TeamCity's version: 2025.11.1 is before 2026.2 → 該当.
        Path inventory = dir.resolve("inventory.yaml");
        String yaml = Files.readString(inventory, StandardCharsets.UTF_8);
        Files.writeString(inventory, yaml.replace("    # no version known → 要確認\n", "    version: \"2025.11.1\"\n"),
                StandardCharsets.UTF_8);
        fixture.restart();
        fixture.services.matching(); // as at start of run: the changed inventory is matched again
        assertThat(builder(rule).alerts(Audience.ADMINS, Locale.JAPANESE, LocalDate.parse("2026-10-10")))
                .extracting(Digest::key).contains("alert:admins:CVE-2026-100254:teamcity:affected");
    }

    private AlertBuilder builder(AlertRule rule) {
        return new AlertBuilder(fixture.services.advisories(), fixture.services.matches(), fixture.services.assets(),
                "https://shirase.example.jp", rule);
    }
}
