package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.deliver.file.FileChannel;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.digest.Kind;
import dev.shirase.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row enqueued at a nanosecond instant is due at that same instant ("enqueued and delivered at once"). */
class OutboxPrecisionTest {
    @Test
    void dueAtTheInstantItWasEnqueued(@TempDir Path dir) {
        Database db = Database.inMemory("outbox-precision");
        try {
            Outbox outbox = new Outbox(db, List.of(new FileChannel("file", new FileSettings(dir))));
            Instant now = Instant.parse("2026-11-25T19:36:42.519375999Z");
            RenderedMessage m = new RenderedMessage("alert:x", Kind.ALERT, "s", "t", "<p>t</p>", List.of("{}"), "{}");
            assertThat(outbox.enqueue(m, "file", now)).isTrue();
            assertThat(outbox.deliverDue(now).sent()).isEqualTo(1);
        } finally {
            db.close();
        }
    }
}
