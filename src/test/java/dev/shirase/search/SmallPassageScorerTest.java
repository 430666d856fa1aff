package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SmallPassageScorerTest {

    private static final String[] TERMS = {"認証", "証回", "回避", "google", "chrome", "os", "コマ", "ドイ"};

    @Test
    void scoresEveryPassageExactlyAsLucenesScorer() {
        PassageScorer lucene = new PassageScorer();
        SmallPassageScorer small = new SmallPassageScorer();
        Random random = new Random(7);
        int differentTermCounts = 0;
        for (int round = 0; round < 5_000; round++) {
            Passage passage = passage(random, 1 + random.nextInt(round % 50 == 0 ? 200 : 12));
            int contentLength = passage.getEndOffset() + random.nextInt(2_000);
            float expected = lucene.score(passage, contentLength);
            assertThat(small.score(passage, contentLength)).as("round %d", round).isEqualTo(expected);
            differentTermCounts += passage.getNumMatches() > 1 ? 1 : 0;
        }
        assertThat(differentTermCounts).isGreaterThan(1_000);
    }

    /** Matches of a few repeated terms, each with its own in-document frequency. */
    private static Passage passage(Random random, int matches) {
        Passage passage = new Passage();
        int start = random.nextInt(500);
        passage.setStartOffset(start);
        passage.setEndOffset(start + matches * 21 + 2); // room for the matches; narrowed below
        int offset = start;
        for (int i = 0; i < matches; i++) {
            offset += 1 + random.nextInt(20);
            String term = TERMS[random.nextInt(TERMS.length)];
            // A new BytesRef each time, as the highlighter hands over: equal terms are equal by content.
            passage.addMatch(offset, offset + 2, new BytesRef(term), 1 + random.nextInt(9));
        }
        passage.setEndOffset(offset + 2);
        return passage;
    }
}
