package dev.shirase.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Shortens exact phrase queries on the CJK-bigram fields: a long word such as コマンドインジェクション analyses into
 * 11 overlapping bigrams (コマ マン ンド …), and every one of them must be read and lined up for every candidate
 * document. About every other bigram is enough: as long as each character stays covered by a kept bigram at its
 * exact position, the phrase matches the same text at about half the cost.
 *
 * <p>Which bigrams stay matters more than how many: the candidates are the documents holding all of them, and every
 * candidate costs a read of positions. The common bigrams of a word (ンド イン ョン) are in a document whenever its
 * neighbours are (ウインドウ, SQLインジェクション, バージョン); the bigram that joins two parts of a word (ドイ) is
 * usually found only in the word itself. So the kept bigrams are counted out from the rarest one in the index, and a
 * document without the word is mostly rejected from the postings alone, before any position is read.
 *
 * <p>Only runs of at least {@link #MIN_RUN} chained bigrams are shortened: dropping a bigram leaves one position
 * unchecked, which could only let through a document where two runs of CJK text meet exactly there — negligible for
 * long words, not for short ones.
 */
final class BigramPhrases {

    static final int MIN_RUN = 4;

    private static final Set<String> BIGRAM_FIELDS = Set.of(IndexFields.TITLE, IndexFields.SUMMARY,
            IndexFields.PRODUCTS);

    private final ToIntFunction<Term> documentFrequency;

    /** Keeps the rarest bigram of each run by {@code documentFrequency} (ties: the first). */
    BigramPhrases(ToIntFunction<Term> documentFrequency) {
        this.documentFrequency = documentFrequency;
    }

    /** Rarity as counted in {@code reader} (deleted documents included, as Lucene's statistics do). */
    static BigramPhrases rarestIn(IndexReader reader) {
        return new BigramPhrases(term -> {
            try {
                return reader.docFreq(term);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The shortened phrase, or {@code query} itself when it is not a long exact bigram phrase. */
    Query thin(Query query) {
        if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() != 0
                || !BIGRAM_FIELDS.contains(phrase.getField()) || phrase.getTerms().length < MIN_RUN) {
            return query;
        }
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        boolean[] keep = new boolean[terms.length];
        boolean dropped = false;
        int i = 0;
        while (i < terms.length) {
            int end = i + 1;
            while (end < terms.length && chained(terms[end - 1], positions[end - 1], terms[end], positions[end])) {
                end++;
            }
            if (end - i >= MIN_RUN) {
                keepCover(terms, i, end, keep);
                dropped = true;
            } else {
                Arrays.fill(keep, i, end, true);
            }
            i = end;
        }
        if (!dropped) {
            return query;
        }
        PhraseQuery.Builder shorter = new PhraseQuery.Builder();
        for (int k = 0; k < terms.length; k++) {
            if (keep[k]) {
                shorter.add(terms[k], positions[k]);
            }
        }
        return shorter.build();
    }

    /**
     * Marks the bigrams of the run {@code [from, to)} that stay: the rarest, then every other one outward from it,
     * and the first and last (each character must stay covered by a kept bigram at its position).
     */
    private void keepCover(Term[] terms, int from, int to, boolean[] keep) {
        int rarest = from;
        int fewest = Integer.MAX_VALUE;
        for (int k = from; k < to; k++) {
            int count = documentFrequency.applyAsInt(terms[k]);
            if (count < fewest) {
                fewest = count;
                rarest = k;
            }
        }
        for (int k = rarest; k > from; k -= 2) {
            keep[k] = true;
        }
        for (int k = rarest; k < to - 1; k += 2) {
            keep[k] = true;
        }
        keep[from] = true;
        keep[to - 1] = true;
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
