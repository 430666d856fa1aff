package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Visibility (near-real-time refresh) apart from durability (commits carrying the store watermark). */
class AdvisoryIndexCommitTest {

    private static void write(AdvisoryIndex index, List<Advisory> advisories) {
        index.indexAll(advisories.stream().map(IndexEntry::of).toList());
    }

    @Test
    void writesAreSeenAfterARefreshAndKeptOnlyAfterACommit(@TempDir Path dir) {
        List<Advisory> jvndb = AdvisoryFixtures.jvndb();
        List<Advisory> jvn = AdvisoryFixtures.jvn();
        try (AdvisoryIndex index = AdvisoryIndex.open(dir)) {
            write(index, jvndb);
            assertThat(index.count()).isZero(); // written, not yet made visible
            index.refresh();
            assertThat(index.count()).isEqualTo(jvndb.size());
            assertThat(index.hasUncommittedChanges()).isTrue();

            index.markIndexedThrough(41);
            index.commit();
            assertThat(index.committedWatermark()).isEqualTo(41);
            assertThat(index.hasUncommittedChanges()).isFalse();

            write(index, jvn);
            index.markIndexedThrough(57);
            index.markIndexedThrough(50); // lower: ignored
            index.refresh();
            assertThat(index.count()).isEqualTo(jvndb.size() + jvn.size());
            assertThat(index.committedWatermark()).isEqualTo(41);
            index.closeWithoutCommit();
            index.close(); // nothing left to do
        }
        try (AdvisoryIndex reopened = AdvisoryIndex.open(dir)) {
            // What the crash lost: the refreshed but uncommitted writes, and their watermark.
            assertThat(reopened.count()).isEqualTo(jvndb.size());
            assertThat(reopened.committedWatermark()).isEqualTo(41);
            write(reopened, jvn);
            reopened.markIndexedThrough(57);
        }
        try (AdvisoryIndex reopened = AdvisoryIndex.open(dir)) {
            // A clean close commits, watermark included; a later commit without a new mark keeps it.
            assertThat(reopened.count()).isEqualTo(jvndb.size() + jvn.size());
            assertThat(reopened.committedWatermark()).isEqualTo(57);
            reopened.delete(jvn.get(0).id());
            reopened.commit();
            assertThat(reopened.committedWatermark()).isEqualTo(57);
            assertThat(reopened.ids()).doesNotContain(jvn.get(0).id());
        }
    }

    @Test
    void aNewIndexHasWatermarkZero() {
        try (AdvisoryIndex index = AdvisoryIndex.inMemory()) {
            assertThat(index.committedWatermark()).isZero();
            index.commit();
            assertThat(index.committedWatermark()).isZero();
            assertThat(index.ids()).isEqualTo(Set.of());
        }
    }
}
