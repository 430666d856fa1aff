package dev.shirase.web.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.deliver.Outbox;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.file.FileChannel;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.digest.Kind;
import dev.shirase.store.Database;
import dev.shirase.web.view.SentDigest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest archive read back from the real delivery outbox (H2), after a real file-channel delivery. */
class OutboxDigestArchiveTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.inMemory("web-outbox-" + System.nanoTime());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static RenderedMessage message(String key, Kind kind, String subject, String text) {
        return new RenderedMessage(key, kind, subject, text, "<p>" + text + "</p>", List.of("{\"text\":\"x\"}"), "{}");
    }

    @Test
    void listsWhatWasSentNewestFirstPerAudience() {
        FileChannel file = new FileChannel("file", new FileSettings(dir));
        Outbox outbox = new Outbox(db, List.of(file));
        Instant t1 = Instant.parse("2026-11-16T00:00:00Z");
        Instant t2 = Instant.parse("2026-11-23T00:00:00Z");
        outbox.enqueue(message("digest:staff:2026-11-09..2026-11-16", Kind.DIGEST, "今週のセキュリティ情報",
                "今週は該当なし\n<script>x</script>"), "file", t1);
        outbox.deliverDue(t1);
        outbox.enqueue(message("digest:admins:2026-11-16..2026-11-23", Kind.DIGEST, "管理者向けまとめ",
                "該当 1 件: FortiOS 7.4.3"), "file", t2);
        outbox.enqueue(message("alert:admins:CVE-2026-1281:epmm:affected", Kind.ALERT, "緊急: EPMM", "該当"), "file", t2);

        OutboxDigestArchive archive = new OutboxDigestArchive(db);
        List<SentDigest> all = archive.digests(Optional.empty());
        assertThat(all).extracting(SentDigest::key).containsExactly("alert:admins:CVE-2026-1281:epmm:affected",
                "digest:admins:2026-11-16..2026-11-23", "digest:staff:2026-11-09..2026-11-16");
        SentDigest staff = all.get(2);
        assertThat(staff.kind()).isEqualTo("digest");
        assertThat(staff.audience()).isEqualTo("staff");
        assertThat(staff.channel()).isEqualTo("file");
        assertThat(staff.state()).isEqualTo("sent");
        assertThat(staff.sentAt()).contains(t1);
        assertThat(staff.subject()).isEqualTo("今週のセキュリティ情報");
        assertThat(staff.text()).isEqualTo("今週は該当なし\n<script>x</script>");
        assertThat(all.get(0).state()).isEqualTo("pending");
        assertThat(all.get(0).kind()).isEqualTo("alert");
        assertThat(all.get(0).sentAt()).isEmpty();

        assertThat(archive.digests(Optional.of("staff"))).extracting(SentDigest::key)
                .containsExactly("digest:staff:2026-11-09..2026-11-16");
        assertThat(archive.digests(Optional.of("admins"))).hasSize(2);
    }
}
