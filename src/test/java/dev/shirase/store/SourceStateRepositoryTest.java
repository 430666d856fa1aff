package dev.shirase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.source.SourceState;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceStateRepositoryTest {

    private Database db;
    private SourceStateRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("source-state-" + UUID.randomUUID());
        repo = new SourceStateRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void stateRoundTripsAndIsReplacedOnSave() {
        assertThat(repo.load("jvndb")).isEmpty();
        SourceState healthy = new SourceState("jvndb", Optional.of(Instant.parse("2026-03-01T01:02:03.456Z")),
                Optional.of(Instant.parse("2026-03-01T01:02:04Z")), Optional.empty(), Optional.of("W/\"abc\""),
                Optional.of("Sun, 01 Mar 2026 01:00:00 GMT"), 500, 0, Optional.of(Instant.parse("2026-03-01T02:00:00Z")),
                Optional.of("500 new items: older ones may have been missed"));
        repo.save(healthy);
        assertThat(repo.load("jvndb")).contains(healthy);

        SourceState failing = new SourceState("jvndb", Optional.of(Instant.parse("2026-03-01T03:00:00Z")),
                healthy.lastSuccess(), Optional.of("HTTP 503 サービス停止中"), healthy.etag(), healthy.lastModified(),
                500, 3, Optional.empty(), Optional.empty());
        repo.save(failing);
        assertThat(repo.load("jvndb")).contains(failing);

        SourceState fresh = new SourceState("cisa-kev", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.empty());
        repo.save(fresh);
        assertThat(repo.all()).containsExactly(fresh, failing);
    }
}
