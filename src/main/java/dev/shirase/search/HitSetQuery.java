package dev.shirase.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches exactly the documents of a {@link HitSet}, on the searcher that produced it. As a filter beside the text
 * query it leads the scoring passes: the phrases are checked again only on documents known to match, not on every
 * document of the query's most frequent word.
 */
final class HitSetQuery extends Query {

    private final HitSet hits;

    HitSetQuery(HitSet hits) {
        this.hits = hits;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                FixedBitSet bits = hits.bits(context.ord);
                int count = bits.cardinality();
                return count == 0 ? null
                        : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(bits, count));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // belongs to one search
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "hits(" + hits.total() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HitSetQuery q && q.hits == hits;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(hits);
    }
}
