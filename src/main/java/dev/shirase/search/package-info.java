/**
 * The searchable archive: a Lucene index of advisories, always rebuildable from the store.
 *
 * <p>Entry point {@link dev.shirase.search.AdvisoryIndex}; requests are {@link dev.shirase.search.SearchQuery},
 * answers {@link dev.shirase.search.SearchResults} of {@link dev.shirase.search.SearchHit}. Japanese text is indexed
 * twice (kuromoji words and CJK bigrams) behind an NFKC + lower-case char filter; identifiers are exact keywords;
 * relevance carries a recency boost; snippets are HTML-escaped with {@code <mark>} around matches.
 */
package dev.shirase.search;
