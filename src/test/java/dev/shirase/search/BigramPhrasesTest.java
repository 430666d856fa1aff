package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class BigramPhrasesTest {

    private final QueryBuilder builder = new QueryBuilder(AdvisoryAnalyzers.create());

    private PhraseQuery thinned(String field, String text) {
        Query q = BigramPhrases.thin(builder.createPhraseQuery(field, text));
        assertThat(q).isInstanceOf(PhraseQuery.class);
        return (PhraseQuery) q;
    }

    private static String terms(PhraseQuery q) {
        StringBuilder sb = new StringBuilder();
        Term[] terms = q.getTerms();
        for (int i = 0; i < terms.length; i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(terms[i].text()).append('@').append(q.getPositions()[i]);
        }
        return sb.toString();
    }

    @Test
    void aLongKatakanaWordKeepsEveryOtherBigramAndTheLastAtTheirPositions() {
        PhraseQuery q = thinned(IndexFields.SUMMARY, "コマンドインジェクション");
        assertThat(terms(q)).isEqualTo("コマ@0 ンド@2 イン@4 ジェ@6 クシ@8 ョン@10");
    }

    @Test
    void anEvenRunEndsWithItsOverlappingLastBigram() {
        // 7 characters → 6 bigrams: 0, 2 and 4 leave the last character uncovered, so the last bigram (5) stays.
        assertThat(terms(thinned(IndexFields.TITLE, "情報漏えい対策"))).isEqualTo("情報@0 漏え@2 い対@4 対策@5");
    }

    @Test
    void shortWordsAndOtherFieldsAreLeftAlone() {
        assertThat(terms(thinned(IndexFields.SUMMARY, "脆弱性"))).isEqualTo("脆弱@0 弱性@1");
        assertThat(terms(thinned(IndexFields.SUMMARY, "認証回避"))).isEqualTo("認証@0 証回@1 回避@2");
        Query kuromoji = builder.createPhraseQuery(IndexFields.TITLE_JA, "コマンドインジェクション");
        assertThat(BigramPhrases.thin(kuromoji)).isSameAs(kuromoji);
    }

    @Test
    void latinWordsInsideAPhraseAreKept() {
        PhraseQuery q = thinned(IndexFields.SUMMARY, "Apache版クロスサイトスクリプティング");
        assertThat(Arrays.stream(q.getTerms()).map(Term::text)).contains("apache");
        assertThat(terms(q)).startsWith("apache@0 版ク@1");
        assertThat(q.getTerms().length).isLessThan(builder.createPhraseQuery(IndexFields.SUMMARY,
                "Apache版クロスサイトスクリプティング") instanceof PhraseQuery p ? p.getTerms().length : 0);
    }
}
