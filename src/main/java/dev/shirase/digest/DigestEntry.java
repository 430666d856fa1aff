package dev.shirase.digest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One threat in a digest: all the ids of the advisories that describe it, a plain title, which of our
 * assets it touches and why, what to do, and where to read more. Text fields are untrusted feed text.
 */
public record DigestEntry(
        List<String> ids,
        String title,
        List<AssetLine> assets,
        String reason,
        Optional<String> action,
        List<Link> links,
        boolean kev,
        Optional<Double> cvss,
        Optional<Double> epss,
        boolean japaneseAlert,
        OffsetDateTime published) {

    public DigestEntry {
        ids = ids == null ? List.of() : List.copyOf(ids);
        title = title == null ? "" : title;
        assets = assets == null ? List.of() : List.copyOf(assets);
        reason = reason == null ? "" : reason;
        action = action == null ? Optional.empty() : action.filter(a -> !a.isBlank());
        links = links == null ? List.of() : List.copyOf(links);
        cvss = cvss == null ? Optional.empty() : cvss;
        epss = epss == null ? Optional.empty() : epss;
        Objects.requireNonNull(published, "published");
    }
}
