package dev.shirase.source.epss;

import dev.shirase.advisory.EpssScore;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams FIRST's EPSS CSV ({@code epss_scores-current.csv[.gz]}, ~330k rows), one line at a time, handing each good
 * row on as an {@link EpssScore}. Only the line string and the CVE substring are allocated per row; the two numbers
 * are read in place. The file may arrive gzip-compressed (detected by its magic bytes) or plain.
 */
final class EpssCsvReader {

    /** What the reader saw besides the rows it handed on. */
    record Summary(int goodRows, int malformedRows, String firstMalformed, Optional<LocalDate> scoreDate) {
    }

    private static final int BUFFER = 1 << 16;

    private EpssCsvReader() {
    }

    /**
     * @param fallbackDate the score date when the file has no {@code #…score_date:…} comment line
     * @throws EpssFormatException when the header is missing or wrong
     * @throws IOException         when the body (or its gzip layer) cannot be read
     */
    static Summary read(InputStream body, LocalDate fallbackDate, Consumer<EpssScore> sink) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(maybeGunzip(body), StandardCharsets.UTF_8), BUFFER);
        String line = reader.readLine();
        if (line == null) {
            throw new EpssFormatException("empty body");
        }
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        Optional<LocalDate> declared = Optional.empty();
        while (line != null && (line.startsWith("#") || line.isBlank())) {
            if (line.startsWith("#") && declared.isEmpty()) {
                declared = scoreDate(line);
            }
            line = reader.readLine();
        }
        if (line == null) {
            throw new EpssFormatException("no header line (expected cve,epss,percentile)");
        }
        checkHeader(line);
        LocalDate date = declared.orElse(fallbackDate);
        int good = 0;
        int bad = 0;
        String firstBad = "";
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            EpssScore score = row(line, date);
            if (score == null) {
                if (bad++ == 0) {
                    firstBad = line.length() > 80 ? line.substring(0, 80) + "…" : line;
                }
            } else {
                good++;
                sink.accept(score);
            }
        }
        return new Summary(good, bad, firstBad, declared);
    }

    /** Gzip bytes (1f 8b) are inflated here; anything else is read as it is. */
    private static InputStream maybeGunzip(InputStream body) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, BUFFER) : in;
    }

    /** {@code #model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z} (older files: {@code …T00:00:00+0000}). */
    static Optional<LocalDate> scoreDate(String comment) {
        int at = comment.indexOf("score_date:");
        if (at < 0) {
            return Optional.empty();
        }
        int start = at + "score_date:".length();
        if (comment.length() < start + 10) {
            return Optional.empty();
        }
        try {
            // The date part is the day FIRST scored; the time and offset (Z or +0000) add nothing.
            return Optional.of(LocalDate.parse(comment.substring(start, start + 10).trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void checkHeader(String line) throws EpssFormatException {
        String[] columns = line.toLowerCase(Locale.ROOT).split(",", -1);
        if (columns.length < 3 || !columns[0].trim().equals("cve") || !columns[1].trim().equals("epss")
                || !columns[2].trim().equals("percentile")) {
            String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
            throw new EpssFormatException("unexpected header \"" + shown + "\" (expected cve,epss,percentile)");
        }
    }

    /** One data row, or null if it is malformed (the caller counts it). */
    static EpssScore row(String line, LocalDate date) {
        int c1 = line.indexOf(',');
        if (c1 < 0) {
            return null;
        }
        int c2 = line.indexOf(',', c1 + 1);
        if (c2 < 0) {
            return null;
        }
        int c3 = line.indexOf(',', c2 + 1);
        int end = c3 < 0 ? trimEnd(line) : c3;
        if (!isCve(line, c1)) {
            return null;
        }
        double score = probability(line, c1 + 1, c2);
        double percentile = probability(line, c2 + 1, end);
        if (Double.isNaN(score) || Double.isNaN(percentile)) {
            return null;
        }
        return new EpssScore(line.substring(0, c1), score, percentile, date);
    }

    private static int trimEnd(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }

    /** {@code CVE-yyyy-nnnn…} in upper case, as FIRST writes it. */
    private static boolean isCve(String line, int end) {
        if (end < 13 || end > 20 || !line.startsWith("CVE-") || line.charAt(8) != '-') {
            return false;
        }
        for (int i = 4; i < end; i++) {
            if (i != 8 && (line.charAt(i) < '0' || line.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A number in [0, 1], or NaN. Plain decimals ({@code 0.03351}) are read in place: mantissa and power of ten are
     * both exact doubles, so the single division is correctly rounded and equals {@link Double#parseDouble}.
     * Anything else (an exponent, very long digit runs) goes through {@link Double#parseDouble}.
     */
    static double probability(String line, int from, int to) {
        if (from >= to) {
            return Double.NaN;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        boolean simple = true;
        for (int i = from; i < to; i++) {
            char ch = line.charAt(i);
            if (ch >= '0' && ch <= '9') {
                mantissa = mantissa * 10 + (ch - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (ch == '.' && fraction < 0) {
                fraction = 0;
            } else {
                simple = false;
                break;
            }
        }
        double value;
        if (simple && digits > 0 && digits <= 15 && fraction <= 18) {
            value = fraction <= 0 ? mantissa : mantissa / POW10[fraction];
        } else {
            try {
                value = Double.parseDouble(line.substring(from, to).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return value >= 0.0 && value <= 1.0 ? value : Double.NaN;
    }

    private static final double[] POW10 = new double[19];

    static {
        POW10[0] = 1.0;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10.0;
        }
    }
}
