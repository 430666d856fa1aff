package dev.shirase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.EpssScore;
import dev.shirase.advisory.KevEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichmentRepositoryTest {

    private Database db;
    private EnrichmentRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("enrichment-" + UUID.randomUUID());
        repo = new EnrichmentRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void kevEntriesAreInsertedUpdatedAndSkippedWhenUnchanged() {
        KevEntry entry = new KevEntry("CVE-2024-3400", "Palo Alto Networks", "PAN-OS", "Command Injection",
                LocalDate.of(2024, 4, 12), LocalDate.of(2024, 4, 19), false, "Apply mitigations per vendor instructions.");
        assertThat(repo.upsertKev(List.of(entry))).isEqualTo(1);
        assertThat(repo.kev("CVE-2024-3400")).contains(entry);
        assertThat(repo.upsertKev(List.of(entry))).isZero();

        KevEntry ransomware = new KevEntry("CVE-2024-3400", "Palo Alto Networks", "PAN-OS", "Command Injection",
                LocalDate.of(2024, 4, 12), LocalDate.of(2024, 4, 19), true, "Apply mitigations per vendor instructions.");
        assertThat(repo.upsertKev(List.of(ransomware))).isEqualTo(1);
        assertThat(repo.kev("CVE-2024-3400").orElseThrow().knownRansomware()).isTrue();
        assertThat(repo.kev("CVE-1999-0001")).isEmpty();
        assertThat(repo.kevCount()).isEqualTo(1);
    }

    @Test
    void epssLoadsMoreThanOneBatchAndUpdatesChangedScores() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<EpssScore> scores = IntStream.range(0, 6_000)
                .mapToObj(i -> new EpssScore(String.format("CVE-2020-%05d", i), i / 20_000.0, i / 6_000.0, day)).toList();
        assertThat(repo.upsertEpss(scores)).isEqualTo(6_000);
        assertThat(repo.epssCount()).isEqualTo(6_000);
        assertThat(repo.epss("CVE-2020-05999")).contains(new EpssScore("CVE-2020-05999", 5_999 / 20_000.0, 5_999 / 6_000.0, day));

        List<EpssScore> nextDay = List.of(
                new EpssScore("CVE-2020-00001", 0.5, 0.9, day.plusDays(1)),
                scores.get(2),
                new EpssScore("CVE-2026-00001", 0.01, 0.1, day.plusDays(1)));
        assertThat(repo.upsertEpss(nextDay)).isEqualTo(2);
        assertThat(repo.epss("CVE-2020-00001").orElseThrow().score()).isEqualTo(0.5);
        assertThat(repo.epss("CVE-2020-00001").orElseThrow().scoreDate()).isEqualTo(day.plusDays(1));
        assertThat(repo.epssCount()).isEqualTo(6_001);
    }

    @Test
    void findsAdvisoriesToReindexByCve() {
        AdvisoryRepository advisories = new AdvisoryRepository(db);
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        advisories.upsertAll(List.of(
                TestAdvisories.withIds("JVNDB-2026-000001", "jvndb", "a", "CVE-2026-0001", "CVE-2026-0002"),
                TestAdvisories.withIds("JPCERT-AT-2026-0001", "jpcert", "b", "CVE-2026-0002"),
                TestAdvisories.withIds("JVNDB-2026-000003", "jvndb", "c", "CVE-2026-0003")), now);
        assertThat(repo.advisoryIdsWithCves(List.of("CVE-2026-0002", "CVE-2099-0001")))
                .containsExactly("JPCERT-AT-2026-0001", "JVNDB-2026-000001");
        assertThat(repo.advisoryIdsWithCves(List.of())).isEmpty();
    }
}
