package dev.shirase.store;

import static dev.shirase.store.TestAdvisories.asParsed;
import static dev.shirase.store.TestAdvisories.withIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Identifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive written by an earlier schema keeps every advisory, its links and its change numbers after an upgrade. */
class SchemaUpgradeTest {

    private static final Instant WRITTEN = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void archiveWrittenAtV14SurvivesTheUpgradeAndStaysLinked(@TempDir Path dir) throws SQLException {
        String url = Database.defaultUrl(dir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("14").load().migrate();
        Advisory jvndb = withIds("JVNDB-2026-000100", "jvndb", "JVN iPedia の登録", "JVNDB-2026-000100", "CVE-2026-1000");
        Advisory alert = withIds("JPCERT-AT-2026-0001", "jpcert", "注意喚起", "CVE-2026-1000");
        Advisory lone = withIds("JVNDB-2026-000200", "jvndb", "識別子なし");
        try (Connection c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            // Rows written before V13 kept change number 0; a later one took a number from the sequence.
            insertAtV14(c, jvndb, "0");
            insertAtV14(c, alert, "nextval('advisory_change_seq')");
            insertAtV14(c, lone, "0");
        }

        try (Database db = Database.open(url, "sa", "")) {
            AdvisoryRepository repo = new AdvisoryRepository(db);
            assertThat(repo.findAll(List.of(jvndb.id(), alert.id(), lone.id()))).map(TestAdvisories::asParsed)
                    .containsExactly(jvndb, alert, lone);
            assertThat(repo.relatedIds(jvndb.id())).containsExactly(alert.id());
            assertThat(repo.relatedIdsAll(List.of(alert.id(), lone.id())))
                    .containsEntry(alert.id(), Set.of(jvndb.id())).containsEntry(lone.id(), Set.of());
            assertThat(repo.idsWithIdentifier("cve-2026-1000")).containsExactly(alert.id(), jvndb.id());

            // Every row now has its own change number, so a rebuild from the store still finds each once.
            List<String> changed = new ArrayList<>();
            repo.forEachChangedAfter(0, page -> page.forEach(a -> changed.add(a.id())));
            assertThat(changed).containsExactlyInAnyOrder(jvndb.id(), alert.id(), lone.id());
            assertThat(new HashSet<>(changeNumbers(db))).hasSize(3).doesNotContain(0L);
            assertThat(repo.lastChange()).isEqualTo(changeNumbers(db).stream().mapToLong(Long::longValue).max().orElseThrow());

            // An upgraded row's identifier rows are replaced when it is revised: the dropped CVE unlinks it.
            Advisory revised = withIds(jvndb.id(), "jvndb", "JVN iPedia の登録（更新）", "JVNDB-2026-000100");
            repo.upsert(revised, WRITTEN.plusSeconds(60));
            assertThat(repo.relatedIds(jvndb.id())).isEmpty();
            assertThat(repo.idsWithIdentifier("CVE-2026-1000")).containsExactly(alert.id());
            assertThat(asParsed(repo.find(jvndb.id()).orElseThrow())).isEqualTo(revised);
        }
    }

    /** What the store wrote for an advisory before V15: a row, plus one identifier row per linking value. */
    private static void insertAtV14(Connection c, Advisory a, String changeNumber) throws SQLException {
        AdvisoryJson.Encoded json = AdvisoryJson.encode(a);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO advisory (id, source, url, title, published, modified,"
                + " category, severity, cvss_score, content_hash, revision, first_seen, last_changed, body_json, change_seq)"
                + " VALUES (?,?,?,?,?,?,?,?,NULL,?,1,?,?,?," + changeNumber + ")")) {
            ps.setString(1, a.id());
            ps.setString(2, a.source());
            ps.setString(3, a.url());
            ps.setString(4, a.title());
            ps.setObject(5, a.published());
            ps.setObject(6, a.modified());
            ps.setString(7, a.category().name());
            ps.setString(8, a.severity().name());
            ps.setString(9, json.hash());
            ps.setObject(10, WRITTEN.atOffset(ZoneOffset.UTC));
            ps.setObject(11, WRITTEN.atOffset(ZoneOffset.UTC));
            ps.setString(12, json.json());
            ps.executeUpdate();
        }
        for (Identifier i : AdvisoryRepository.linkIdentifiers(a)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO advisory_identifier (advisory_id, id_type, id_value) VALUES (?,?,?)")) {
                ps.setString(1, a.id());
                ps.setString(2, i.type().name());
                ps.setString(3, i.value());
                ps.executeUpdate();
            }
        }
    }

    private static List<Long> changeNumbers(Database db) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT change_seq FROM advisory")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
