package dev.shirase.search;

/** How search results are ordered; ties are always broken by advisory id so results are reproducible. */
public enum SortOrder {
    /** Text relevance with a recency boost (the default). An empty query is always ordered by date. */
    RELEVANCE,
    /** Newest published first. */
    DATE
}
