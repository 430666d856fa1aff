package dev.shirase.search;

import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Shortens exact phrase queries on the CJK-bigram fields: a long word such as コマンドインジェクション analyses into
 * 11 overlapping bigrams (コマ マン ンド …), and every one of them must be read and lined up for every candidate
 * document. Every other bigram, plus the last, still covers every character at its exact position, so the phrase
 * matches the same text at about half the cost.
 *
 * <p>Only runs of at least {@link #MIN_RUN} chained bigrams are shortened: dropping a bigram leaves one position
 * unchecked, which could only let through a document where two runs of CJK text meet exactly there — negligible for
 * long words, not for short ones.
 */
final class BigramPhrases {

    static final int MIN_RUN = 4;

    private static final Set<String> BIGRAM_FIELDS = Set.of(IndexFields.TITLE, IndexFields.SUMMARY,
            IndexFields.PRODUCTS);

    private BigramPhrases() {
    }

    /** The shortened phrase, or {@code query} itself when it is not a long exact bigram phrase. */
    static Query thin(Query query) {
        if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() != 0
                || !BIGRAM_FIELDS.contains(phrase.getField()) || phrase.getTerms().length < MIN_RUN) {
            return query;
        }
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        PhraseQuery.Builder shorter = new PhraseQuery.Builder();
        boolean dropped = false;
        int i = 0;
        while (i < terms.length) {
            int end = i + 1;
            while (end < terms.length && chained(terms[end - 1], positions[end - 1], terms[end], positions[end])) {
                end++;
            }
            boolean longRun = end - i >= MIN_RUN;
            for (int k = i; k < end; k++) {
                if (!longRun || (k - i) % 2 == 0 || k == end - 1) {
                    shorter.add(terms[k], positions[k]);
                } else {
                    dropped = true;
                }
            }
            i = end;
        }
        return dropped ? shorter.build() : query;
    }

    /** Two overlapping bigrams of one run of CJK text: {@code ab} at p, {@code bc} at p + 1. */
    private static boolean chained(Term first, int firstPosition, Term second, int secondPosition) {
        String a = first.text();
        String b = second.text();
        return secondPosition == firstPosition + 1 && a.length() == 2 && b.length() == 2 && a.charAt(1) == b.charAt(0)
                && isCjk(a.charAt(0)) && isCjk(a.charAt(1)) && isCjk(b.charAt(1));
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || c == 'ー';
    }
}
