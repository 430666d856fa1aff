package dev.shirase.search;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * NFKC-normalises and lower-cases the text before tokenising ({@code ＣＨＲＯＭＥ} → {@code chrome},
 * {@code ｿｰｼｬﾙ} → {@code ソーシャル}), keeping offsets pointing into the original text so highlights land right.
 *
 * <p>ICU is not on the classpath, so this uses {@link Normalizer} one "cluster" at a time (a code point with the
 * combining marks and voicing marks that follow it) and records an offset correction whenever a cluster changes length.
 * Advisory texts are short, so the whole input is read at once.
 *
 * <p>Nearly every character of an advisory (kana, kanji, ASCII, full-width letters) folds to exactly one character
 * when it stands alone: that fold is computed once per character and kept, so such text is folded without building a
 * string per character (the per-character way cost a fifth of all indexing time).
 */
final class NfkcCharFilter extends BaseCharFilter {
    /** Kept in {@link #FOLDED} for a character that does not fold to exactly one character (U+FFFF is no character). */
    private static final char NOT_SINGLE = '\uFFFF';
    /**
     * For each BMP character: the one character NFKC and lower-casing make of it alone, {@link #NOT_SINGLE}, or 0
     * while not yet computed. Filled lazily; a race only computes the same value twice.
     */
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];
    /** Read buffer per indexing thread (one filter is made per field value, and texts are short). */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[1024]);

    private String output;
    private int position;

    NfkcCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) {
            output = normalise(readAll());
        }
        if (position >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - position);
        output.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }

    private String readAll() throws IOException {
        char[] buffer = BUFFER.get();
        int length = 0;
        int n;
        while ((n = input.read(buffer, length, buffer.length - length)) != -1) {
            length += n;
            if (length == buffer.length) {
                // A long text: grow a copy for this one, keep the thread's buffer small.
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            }
        }
        return new String(buffer, 0, length);
    }

    /** The folded text; offset corrections are recorded only where a cluster changed length. */
    private String normalise(String text) {
        StringBuilder out = null;
        int cumulativeDiff = 0;
        int i = 0;
        while (i < text.length()) {
            char alone = foldedAlone(text.charAt(i));
            if (alone != NOT_SINGLE && (i + 1 == text.length() || !isMark(text.codePointAt(i + 1)))) {
                if (out != null) {
                    out.append(alone);
                } else if (alone != text.charAt(i)) {
                    out = new StringBuilder(text.length()).append(text, 0, i).append(alone);
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            int end = clusterEnd(text, i);
            String cluster = text.substring(i, end);
            String folded = Normalizer.normalize(cluster, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            int outStart = out.length();
            out.append(folded);
            int inLen = end - i;
            int outLen = folded.length();
            if (outLen < inLen) {
                cumulativeDiff += inLen - outLen;
                addOffCorrectMap(outStart + outLen, cumulativeDiff);
            } else if (outLen > inLen) {
                // Expansion (㈱ → (株)): every extra output char maps to the end of the original cluster.
                for (int k = inLen + 1; k <= outLen; k++) {
                    cumulativeDiff--;
                    addOffCorrectMap(outStart + k, cumulativeDiff);
                }
            }
            i = end;
        }
        return out == null ? text : out.toString();
    }

    /** What NFKC and lower-casing make of {@code c} standing alone, if that is one character; else NOT_SINGLE. */
    private static char foldedAlone(char c) {
        char folded = FOLDED[c];
        if (folded == 0) {
            folded = NOT_SINGLE;
            if (!Character.isSurrogate(c) && !isMark(c)) {
                String s = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                if (s.length() == 1 && s.charAt(0) != 0) {
                    folded = s.charAt(0);
                }
            }
            FOLDED[c] = folded;
        }
        return folded;
    }

    /** End of the cluster starting at {@code start}: one code point plus any following combining/voicing marks. */
    private static int clusterEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (!isMark(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                // half-width and combining (semi-)voiced sound marks: ｶﾞ → ガ
                || cp == 0xFF9E || cp == 0xFF9F || cp == 0x3099 || cp == 0x309A;
    }
}
