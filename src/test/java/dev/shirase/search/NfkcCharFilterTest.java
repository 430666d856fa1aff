package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The filter's output and offsets against a plain per-cluster reference (normalise every code point with its marks,
 * no cache), over hand-picked cases and random mixes of the characters that behave differently.
 */
class NfkcCharFilterTest {

    /** ASCII, kana, kanji, full/half width, voicing marks alone and after bases, expansions, a surrogate pair. */
    private static final String[] PIECES = {"a", "Z", "0", " ", "-", "ー", "あ", "か", "ア", "カ", "ｶ", "ﾞ", "ﾟ", "ﾊ",
        "\u3099", "\u309A", "\u309B", "\u0301", "é", "Ａ", "ｚ", "１", "認", "証", "㈱", "①", "ﬁ", "㌔", "\u3000",
        "İ", "ß", "\uD842\uDFB7", "Ⅻ", "。", "、", "\n"};

    @Test
    void foldsLikeThePerClusterReference() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "ＣＨＲＯＭＥ", "ｿｰｼｬﾙ", "ｶﾞｲﾄﾞ", "㈱日立", "Google Chrome 認証",
                "か\u3099", "\u3099か", "ﾞｶ", "e\u0301\u0301", "OS コマンドインジェクション"));
        Random random = new Random(42);
        for (int n = 0; n < 3_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k >= 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            NfkcCharFilter filter = new NfkcCharFilter(new StringReader(text));
            String folded = readAll(filter);
            Reference expected = Reference.of(text);
            assertThat(folded).as("fold of %s", text).isEqualTo(expected.folded);
            for (int offset = 0; offset <= folded.length(); offset++) {
                assertThat(filter.correctOffset(offset)).as("offset %d of %s", offset, text)
                        .isEqualTo(expected.correct(offset));
            }
        }
    }

    @Test
    void readsTextsLongerThanTheBuffer() throws IOException {
        String text = "ＡＢＣ認証".repeat(1_000);
        assertThat(readAll(new NfkcCharFilter(new StringReader(text)))).isEqualTo("abc認証".repeat(1_000));
    }

    private static String readAll(NfkcCharFilter filter) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[7];
        int n;
        while ((n = filter.read(buffer, 0, buffer.length)) != -1) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    /** Folding one cluster at a time with no shortcuts, and the offset map that implies. */
    private record Reference(String folded, List<int[]> corrections) {
        static Reference of(String text) {
            StringBuilder out = new StringBuilder();
            List<int[]> corrections = new ArrayList<>();
            int diff = 0;
            int i = 0;
            while (i < text.length()) {
                int end = i + Character.charCount(text.codePointAt(i));
                while (end < text.length() && isMark(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String folded = Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC)
                        .toLowerCase(Locale.ROOT);
                int outStart = out.length();
                out.append(folded);
                int inLen = end - i;
                if (folded.length() < inLen) {
                    diff += inLen - folded.length();
                    corrections.add(new int[] {outStart + folded.length(), diff});
                } else {
                    for (int k = inLen + 1; k <= folded.length(); k++) {
                        diff--;
                        corrections.add(new int[] {outStart + k, diff});
                    }
                }
                i = end;
            }
            return new Reference(out.toString(), corrections);
        }

        int correct(int offset) {
            int diff = 0;
            for (int[] c : corrections) {
                if (c[0] <= offset) {
                    diff = c[1];
                }
            }
            return offset + diff;
        }

        private static boolean isMark(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || cp == 0xFF9E || cp == 0xFF9F || cp == 0x3099
                    || cp == 0x309A;
        }
    }
}
