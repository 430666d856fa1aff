package dev.shirase.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's BM25 passage score, computed the same way (same terms, same order of summing) but without the
 * {@code BytesRefHash} that {@link PassageScorer} builds for every candidate passage: that hash reserves 32 KB, and
 * with a sentence per passage it was a third of all the memory a search allocated. A passage holds a handful of
 * matches, so the distinct terms are found by comparing them in place.
 */
final class SmallPassageScorer extends PassageScorer {

    /** Above this many matches the in-place search would cost more than the hash: Lucene's own code runs. */
    static final int MAX_IN_PLACE = 64;

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        if (matches > MAX_IN_PLACE) {
            return super.score(passage, contentLength);
        }
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] inPassage = new int[matches];
        int[] inDoc = new int[matches];
        int count = 0;
        for (int i = 0; i < matches; i++) {
            int k = 0;
            while (k < count && !distinct[k].bytesEquals(terms[i])) {
                k++;
            }
            if (k == count) {
                distinct[count] = terms[i];
                inDoc[count] = freqsInDoc[i]; // the first occurrence's, as Lucene keeps it
                count++;
            }
            inPassage[k]++;
        }
        double score = 0d;
        for (int k = 0; k < count; k++) {
            score += tf(inPassage[k], passage.getLength()) * weight(contentLength, inDoc[k]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
