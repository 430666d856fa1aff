package dev.shirase.digest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A digest or alert, ready to be rendered: what the reader of one audience sees, in one language.
 *
 * <p>{@link #key()} is stable for the same content and window (e.g. {@code digest:admins:2026-11-16..2026-11-23},
 * see {@link DigestKeys}): together with the channel name it is the outbox key that keeps a message
 * from being sent twice. Sections are rendered in list order; the {@link #summary()} closes the message.
 */
public record Digest(
        String key,
        Kind kind,
        Audience audience,
        Locale locale,
        DateWindow window,
        List<DigestSection> sections,
        DigestSummary summary,
        Optional<String> archiveUrl) {

    public Digest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(audience, "audience");
        locale = locale == null ? Locale.JAPANESE : locale;
        Objects.requireNonNull(window, "window");
        sections = sections == null ? List.of() : List.copyOf(sections);
        summary = summary == null ? DigestSummary.empty() : summary;
        archiveUrl = archiveUrl == null ? Optional.empty() : archiveUrl.filter(u -> !u.isBlank());
    }

    /** Whether nothing of ours matched (no 該当 and no 要確認 entries): the digest says 今週は該当なし. */
    public boolean nothingMatched() {
        return sections.stream()
                .filter(s -> s.kind() == SectionKind.AFFECTED || s.kind() == SectionKind.CHECK)
                .allMatch(s -> s.items().isEmpty());
    }

    /** Number of entries over all sections. */
    public int entryCount() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    /** The same digest in another language. */
    public Digest withLocale(Locale other) {
        return new Digest(key, kind, audience, other, window, sections, summary, archiveUrl);
    }
}
