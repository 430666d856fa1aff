package dev.shirase.cli;

import dev.shirase.config.FeedsConfig;
import dev.shirase.source.FeedSource;
import java.util.List;
import java.util.stream.Collectors;

/** Which sources a command acts on: all enabled ones, or those named with {@code --source}. */
final class SourceSelection {
    private SourceSelection() {
    }

    static List<FeedSource> select(FeedsConfig feeds, List<String> ids) {
        if (ids.isEmpty()) {
            return feeds.enabled();
        }
        return ids.stream().map(id -> feeds.byId(id).orElseThrow(() -> new UserError("no source \"" + id
                + "\" in feeds.yaml (known: " + feeds.sources().stream().map(FeedSource::id)
                .collect(Collectors.joining(", ")) + ")"))).toList();
    }
}
