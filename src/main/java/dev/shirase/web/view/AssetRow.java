package dev.shirase.web.view;

import java.util.List;
import java.util.Optional;

/** One inventory asset with its matches that still need attention (該当 / 要確認, not done). */
public record AssetRow(String id, String name, String vendor, String product, Optional<String> version, String owner,
                       List<MatchRow> openMatches) {
    public AssetRow {
        version = version == null ? Optional.empty() : version;
        openMatches = List.copyOf(openMatches);
    }
}
