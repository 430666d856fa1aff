package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class BigramPhrasesTest {

    private final QueryBuilder builder = new QueryBuilder(AdvisoryAnalyzers.create());
    /** Every bigram equally common: the first of each run is the rarest. */
    private final BigramPhrases evenly = new BigramPhrases(term -> 1);

    private PhraseQuery thinned(BigramPhrases phrases, String field, String text) {
        Query q = phrases.thin(builder.createPhraseQuery(field, text));
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
        PhraseQuery q = thinned(evenly, IndexFields.SUMMARY, "コマンドインジェクション");
        assertThat(terms(q)).isEqualTo("コマ@0 ンド@2 イン@4 ジェ@6 クシ@8 ョン@10");
    }

    @Test
    void theRarestBigramStaysAndTheCoverIsCountedOutFromIt() {
        Map<String, Integer> frequencies = Map.of("ドイ", 3, "コマ", 40, "ンド", 900, "イン", 5_000);
        BigramPhrases phrases = new BigramPhrases(term -> frequencies.getOrDefault(term.text(), 500));
        // ドイ (position 3) is only in the word itself; the cover still reaches both ends and leaves no gap of two.
        assertThat(terms(thinned(phrases, IndexFields.SUMMARY, "コマンドインジェクション")))
                .isEqualTo("コマ@0 マン@1 ドイ@3 ンジ@5 ェク@7 ショ@9 ョン@10");
    }

    @Test
    void anEvenRunEndsWithItsOverlappingLastBigram() {
        // 7 characters → 6 bigrams: 0, 2 and 4 leave the last character uncovered, so the last bigram (5) stays.
        assertThat(terms(thinned(evenly, IndexFields.TITLE, "情報漏えい対策"))).isEqualTo("情報@0 漏え@2 い対@4 対策@5");
    }

    @Test
    void shortWordsAndOtherFieldsAreLeftAlone() {
        assertThat(terms(thinned(evenly, IndexFields.SUMMARY, "脆弱性"))).isEqualTo("脆弱@0 弱性@1");
        assertThat(terms(thinned(evenly, IndexFields.SUMMARY, "認証回避"))).isEqualTo("認証@0 証回@1 回避@2");
        Query kuromoji = builder.createPhraseQuery(IndexFields.TITLE_JA, "コマンドインジェクション");
        assertThat(evenly.thin(kuromoji)).isSameAs(kuromoji);
    }

    @Test
    void latinWordsInsideAPhraseAreKept() {
        PhraseQuery q = thinned(evenly, IndexFields.SUMMARY, "Apache版クロスサイトスクリプティング");
        assertThat(Arrays.stream(q.getTerms()).map(Term::text)).contains("apache");
        assertThat(terms(q)).startsWith("apache@0 版ク@1");
        assertThat(q.getTerms().length).isLessThan(builder.createPhraseQuery(IndexFields.SUMMARY,
                "Apache版クロスサイトスクリプティング") instanceof PhraseQuery p ? p.getTerms().length : 0);
    }

    @Test
    void rarityIsReadFromTheIndexAndTheShortPhraseFindsOnlyTheWord() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(AdvisoryAnalyzers.create()))) {
                // Every bigram of コマンドインジェクション but ドイ, in other words.
                for (int i = 0; i < 20; i++) {
                    writer.addDocument(summary("near-" + i, "ウインドウのコマンドにSQLインジェクションとクロスサイトリクエスト"
                            + "フォージェリ、バージョン確認"));
                }
                writer.addDocument(summary("word", "OSコマンドインジェクションの脆弱性"));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                PhraseQuery q = thinned(BigramPhrases.rarestIn(reader), IndexFields.SUMMARY, "コマンドインジェクション");
                assertThat(Arrays.stream(q.getTerms()).map(Term::text)).contains("ドイ");
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] hits = searcher.search(q, 10).scoreDocs;
                assertThat(hits).hasSize(1);
                assertThat(searcher.storedFields().document(hits[0].doc).get("id")).isEqualTo("word");
            }
        }
    }

    private static Document summary(String id, String text) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField(IndexFields.SUMMARY, text, Field.Store.NO));
        return doc;
    }
}
