package dev.shirase.search;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.Locale;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * NFKC-normalises and lower-cases the text before tokenising ({@code ＣＨＲＯＭＥ} → {@code chrome},
 * {@code ｿｰｼｬﾙ} → {@code ソーシャル}), keeping offsets pointing into the original text so highlights land right.
 *
 * <p>ICU is not on the classpath, so this uses {@link Normalizer} one "cluster" at a time (a code point with the
 * combining marks and voicing marks that follow it) and records an offset correction whenever a cluster changes length.
 * Advisory texts are short, so the whole input is read at once.
 */
final class NfkcCharFilter extends BaseCharFilter {

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
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[4096];
        int n;
        while ((n = input.read(buffer)) != -1) {
            sb.append(buffer, 0, n);
        }
        return sb.toString();
    }

    private String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int cumulativeDiff = 0;
        int i = 0;
        while (i < text.length()) {
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
        return out.toString();
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
