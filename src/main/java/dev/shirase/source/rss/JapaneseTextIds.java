package dev.shirase.source.rss;

import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import java.util.Set;

/**
 * {@link IdentifierExtractor#extract} for Japanese text. The extractor's {@code \b} treats kana and kanji as word
 * characters, so {@code CVE-2025-59718等} or {@code 脆弱性CVE-2025-1234} (common in IPA/JPCERT titles) would be
 * missed; kana and kanji are turned into spaces first. (Workaround until the model's pattern uses ASCII
 * boundaries.)
 */
public final class JapaneseTextIds {

    private JapaneseTextIds() {
    }

    public static Set<Identifier> extract(String text) {
        if (text == null || text.isEmpty()) {
            return IdentifierExtractor.extract(text);
        }
        StringBuilder spaced = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean japanese = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
            spaced.appendCodePoint(japanese ? ' ' : cp);
        });
        return IdentifierExtractor.extract(spaced.toString());
    }
}
