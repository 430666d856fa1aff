package dev.shirase.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * Multiplier {@code 1 + weight · 0.5^(age / halfLife)} from the published epoch day: an advisory published today
 * scores up to {@code 1 + weight} times an equally relevant old one, while a clearly better textual match
 * (more than that factor) still wins. Future dates count as age 0; documents without a date get 1.
 */
final class RecencyBoost extends DoubleValuesSource {

    private final String field;
    private final long todayEpochDay;
    private final double weight;
    private final double halfLifeDays;

    RecencyBoost(String field, long todayEpochDay, double weight, double halfLifeDays) {
        this.field = field;
        this.todayEpochDay = todayEpochDay;
        this.weight = weight;
        this.halfLifeDays = halfLifeDays;
    }

    double boost(long epochDay) {
        long age = Math.max(0, todayEpochDay - epochDay);
        return 1.0 + weight * Math.pow(0.5, age / halfLifeDays);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues days = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value = 1.0;
            // Neighbouring documents mostly share a day (bulk loads are in date order): skip Math.pow for them.
            private long lastDay = Long.MIN_VALUE;
            private double lastBoost = 1.0;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (!days.advanceExact(doc)) {
                    value = 1.0;
                    return true;
                }
                long day = days.longValue();
                if (day != lastDay) {
                    lastDay = day;
                    lastBoost = boost(day);
                }
                value = lastBoost;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, field);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost other && field.equals(other.field) && todayEpochDay == other.todayEpochDay
                && weight == other.weight && halfLifeDays == other.halfLifeDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, todayEpochDay, weight, halfLifeDays);
    }

    @Override
    public String toString() {
        return "recency(" + field + ",today=" + todayEpochDay + ",w=" + weight + ",halfLife=" + halfLifeDays + ")";
    }
}
