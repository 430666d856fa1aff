package dev.shirase.inventory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Where an asset can be reached from. */
public enum Exposure {
    INTERNET, INTERNAL;

    /** Reads {@code internet}/{@code internal} and the Japanese words offices use (公開, 外部, 社内, 内部). */
    public static Optional<Exposure> parse(String text) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "internet", "external", "public", "インターネット", "公開", "外部", "外部公開" -> Optional.of(INTERNET);
            case "internal", "intranet", "private", "社内", "内部", "非公開", "社内のみ" -> Optional.of(INTERNAL);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
