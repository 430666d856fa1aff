package dev.shirase.search;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analysis chains of the archive, both behind {@link NfkcCharFilter}.
 *
 * <ul>
 *   <li>kuromoji in SEARCH mode for the title's {@code _ja} field: good words, base forms (the chain of
 *       {@link JapaneseAnalyzer} without its width folding, which NFKC already did);</li>
 *   <li>StandardTokenizer + {@link CJKBigramFilter} (no unigrams) for the plain fields, so that a 2-character
 *       term such as 認証 or 改ざん hits whatever kuromoji made of the surrounding text.</li>
 * </ul>
 * The summary is analysed with bigrams only: kuromoji over the long summary cost more than half of all indexing
 * time, and the bigram field already finds every word in it.
 */
final class AdvisoryAnalyzers {

    private AdvisoryAnalyzers() {
    }

    /** The per-field analyzer used for indexing, querying and highlighting. */
    static Analyzer create() {
        Analyzer japanese = japanese();
        Analyzer bigram = bigram();
        return new PerFieldAnalyzerWrapper(bigram, Map.of(IndexFields.TITLE_JA, japanese));
    }

    static Analyzer japanese() {
        return new NfkcAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream stream = new JapaneseBaseFormFilter(source);
                stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
                stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
                stream = new JapaneseKatakanaStemFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    static Analyzer bigram() {
        return new NfkcAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, false);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Both chains read text through NFKC and normalise query terms (wildcards, prefixes) by lower-casing. */
    private abstract static class NfkcAnalyzer extends Analyzer {
        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new NfkcCharFilter(reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new NfkcCharFilter(reader);
        }
    }
}
