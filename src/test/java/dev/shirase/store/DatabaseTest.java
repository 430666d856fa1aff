package dev.shirase.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void opensFileDatabaseUnderDataDirAndMigrates(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("data")), "sa", "");
             var c = db.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM shirase_info")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(dir.resolve("data/shirase.mv.db")).exists();
    }

    @Test
    void theDefaultDatabaseWritesCommittedChangesWithinATenthOfASecond(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("data")), "sa", "");
             var c = db.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(Database.WRITE_DELAY_MS).isEqualTo(100);
        }
    }

    @Test
    void turnsOffH2sValueCacheBeforeH2Loads() {
        try (Database db = Database.inMemory("object-cache")) {
            // H2 read the property when its first class loaded, which Database's static block precedes
            assertThat(org.h2.engine.SysProperties.OBJECT_CACHE).isFalse();
        }
    }

    @Test
    void redactsPasswordsInUrls() {
        assertThat(Database.redact("jdbc:postgresql://h/db?user=a&password=secret")).doesNotContain("secret");
    }
}
