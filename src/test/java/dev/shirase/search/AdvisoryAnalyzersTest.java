package dev.shirase.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Token output and offsets of the two chains (offsets must point into the original, un-normalised text). */
class AdvisoryAnalyzersTest {

    record Token(String term, int start, int end) {
    }

    static List<Token> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        }
        return out;
    }

    @Test
    void bigramChainFoldsWidthAndCaseAndKeepsOriginalOffsets() throws IOException {
        Analyzer bigram = AdvisoryAnalyzers.bigram();
        assertThat(tokens(bigram, "title", "ＣＨＲＯＭＥの認証")).containsExactly(
                new Token("chrome", 0, 6), new Token("の認", 6, 8), new Token("認証", 7, 9));
        // ｶﾞｲﾄﾞ (5 chars) becomes ガイド (3): CJKBigramFilter cannot split offsets of a word whose length changed,
        // so both bigrams span the whole original word, which is still the right range to highlight.
        assertThat(tokens(bigram, "title", "ｶﾞｲﾄﾞ は")).containsExactly(
                new Token("ガイ", 0, 5), new Token("イド", 0, 5), new Token("は", 6, 7));
    }

    @Test
    void expansionKeepsOffsetsInsideTheOriginalCharacter() throws IOException {
        // ㈱ (1 char) expands to "(株)": tokens after it must still line up with the original text.
        List<Token> tokens = tokens(AdvisoryAnalyzers.bigram(), "title", "㈱テスト Chrome");
        assertThat(tokens).last().isEqualTo(new Token("chrome", 5, 11));
        assertThat(tokens).allSatisfy(t -> assertThat(t.end()).isLessThanOrEqualTo(11));
    }

    @Test
    void kuromojiChainSegmentsWordsAfterNormalisation() throws IOException {
        List<String> terms = tokens(AdvisoryAnalyzers.japanese(), "title_ja", "ﾘﾓｰﾄの攻撃者が認証を回避").stream()
                .map(Token::term).toList();
        assertThat(terms).contains("リモート", "攻撃", "認証", "回避");
        assertThat(tokens(AdvisoryAnalyzers.japanese(), "title_ja", "ＧｏｏｇｌｅのＣｈｒｏｍｅ"))
                .contains(new Token("chrome", 7, 13));
    }
}
