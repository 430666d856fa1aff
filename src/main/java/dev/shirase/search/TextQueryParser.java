package dev.shirase.search;

import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierExtractor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a user typed into a Lucene query, and never throws.
 *
 * <p>The text is parsed by a {@link MultiFieldQueryParser} over the bigram and kuromoji fields (AND between
 * whitespace-separated parts, phrases for parts that analyse into several tokens). Input that is not valid Lucene
 * syntax is parsed again escaped, and failing that built word by word. Identifiers in the text (any case) add an exact
 * match on the identifier field, boosted so that the advisories carrying them come first; an identifier alone is
 * enough for a document to match.
 */
final class TextQueryParser {

    /** Longest input considered; the rest is ignored (protects the parser and the query size). */
    static final int MAX_INPUT = 1000;

    /** Words kept when a query is too large for Lucene's clause limit. */
    static final int FALLBACK_WORDS = 8;

    static final float IDENTIFIER_BOOST = 50f;
    static final float RELATED_BOOST = 10f;

    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            IndexFields.TITLE, 3f, IndexFields.TITLE_JA, 3f,
            IndexFields.PRODUCTS, 2f,
            IndexFields.SUMMARY, 1f);
    private static final String[] FIELDS = {
            IndexFields.TITLE, IndexFields.TITLE_JA, IndexFields.SUMMARY, IndexFields.PRODUCTS};
    /** The stored, highlighted fields: the highlighter only needs their part of the query (much cheaper). */
    private static final String[] HIGHLIGHT_FIELDS = {IndexFields.TITLE, IndexFields.SUMMARY};

    private final Analyzer analyzer;

    TextQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** True if the text asks for nothing in particular (blank, or only {@code *} / {@code *:*}). */
    static boolean isMatchAll(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() || t.equals("*") || t.equals("*:*");
    }

    /**
     * The full query for non-blank text: text match, or any of the identifiers it names; long bigram phrases are
     * shortened by {@code phrases}.
     */
    Query parse(String rawText, BigramPhrases phrases) {
        String text = rawText.length() > MAX_INPUT ? rawText.substring(0, MAX_INPUT) : rawText;
        Query textQuery = textQuery(text, FIELDS, phrases::thin);
        Set<String> ids = identifiers(text);
        if (ids.isEmpty()) {
            return textQuery;
        }
        List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(IndexFields.IDS, terms)), IDENTIFIER_BOOST),
                BooleanClause.Occur.SHOULD);
        any.add(new BoostQuery(new ConstantScoreQuery(new TermInSetQuery(IndexFields.RELATED, terms)), RELATED_BOOST),
                BooleanClause.Occur.SHOULD);
        any.add(textQuery, BooleanClause.Occur.SHOULD);
        return any.build();
    }

    /** What the highlighter should mark: the text query restricted to the stored title and summary fields. */
    Query highlightQuery(String rawText) {
        // Full phrases here: the highlighter marks the terms of the query, and every bigram should be marked.
        return textQuery(rawText.length() > MAX_INPUT ? rawText.substring(0, MAX_INPUT) : rawText, HIGHLIGHT_FIELDS,
                UnaryOperator.identity());
    }

    private Query textQuery(String text, String[] fields, UnaryOperator<Query> phraseRewrite) {
        try {
            return newParser(fields, phraseRewrite).parse(text);
        } catch (ParseException | RuntimeException first) {
            try {
                return newParser(fields, phraseRewrite).parse(escapeAll(text));
            } catch (ParseException | RuntimeException second) {
                return wordByWord(text, fields, phraseRewrite);
            }
        }
    }

    static String firstWords(String text, int count) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(count, words.length)));
    }

    /** Canonical identifiers named in the text, plus the whole text upper-cased when it is one token (an id). */
    static Set<String> identifiers(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (Identifier id : IdentifierExtractor.extract(text.toUpperCase(Locale.ROOT))) {
            ids.add(id.value());
        }
        String single = text.strip();
        if (!single.isEmpty() && single.chars().noneMatch(Character::isWhitespace)) {
            ids.add(single.toUpperCase(Locale.ROOT));
        }
        return ids;
    }

    private QueryParser newParser(String[] fields, UnaryOperator<Query> phraseRewrite) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, FIELD_BOOSTS) {
            @Override
            protected Query analyzePhrase(String field, TokenStream stream, int slop) throws IOException {
                return phraseRewrite.apply(super.analyzePhrase(field, stream, slop));
            }
        };
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(false);
        return parser;
    }

    /** Escapes syntax characters and neutralises the bare operator words AND / OR / NOT. */
    private static String escapeAll(String text) {
        StringBuilder sb = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String escaped = QueryParser.escape(word);
            if (escaped.equals("AND") || escaped.equals("OR") || escaped.equals("NOT")) {
                escaped = escaped.toLowerCase(Locale.ROOT);
            }
            sb.append(sb.length() == 0 ? "" : " ").append(escaped);
        }
        return sb.toString();
    }

    /** Last resort: every word must match in some field; a word that analyses to nothing is ignored. */
    private Query wordByWord(String text, String[] fields, UnaryOperator<Query> phraseRewrite) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int words = 0;
        for (String word : text.strip().split("\\s+")) {
            List<Query> perField = new ArrayList<>();
            for (String field : fields) {
                Query phrase = builder.createPhraseQuery(field, word);
                Query q = phrase == null ? null : phraseRewrite.apply(phrase);
                if (q != null) {
                    perField.add(new BoostQuery(q, FIELD_BOOSTS.get(field)));
                }
            }
            if (perField.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            perField.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
            all.add(any.build(), BooleanClause.Occur.MUST);
            words++;
        }
        return words == 0 ? new MatchNoDocsQuery("nothing searchable in the query") : all.build();
    }
}
