package dev.shirase.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes JVN-iPedia-like feed documents of any size from the real {@code jvndb_new.rdf} sample: each real item is
 * used as a template and given a fresh JVNDB id, fresh CVE and JVN numbers, a shifted date and a varied version, so the
 * parser, store and index see realistic text and structure, not lorem ipsum.
 *
 * <p>Each template is cut once into literal text and numbered holes; an item is then spliced together without any
 * regular expression, so generating the benchmark's input costs little beside the pipeline it feeds (it runs on
 * the same two cores).
 */
public final class JvndbFeedGenerator {
    private static final Pattern ITEM = Pattern.compile("(?s)<item .*?</item>");
    /** The parts of a template that vary per item; group numbers name the hole kinds of {@link Hole}. */
    private static final Pattern HOLES = Pattern.compile("(JVNDB-2026-0\\d{5})|(CVE-\\d{4}-\\d+)"
            + "|(JVN(?:VU|TA)?#)\\d{8}|(2026-10-0\\dT\\d\\d:\\d\\d\\+09:00)|(\\d+)\\.(\\d+)\\.\\d+");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    private final String header;
    private final List<Template> templates;
    private final OffsetDateTime newest = OffsetDateTime.parse("2026-10-08T19:59+09:00");

    public JvndbFeedGenerator() {
        String sample = readSample();
        int firstItem = sample.indexOf("<item ");
        this.header = sample.substring(0, firstItem).replaceAll("(?s)<items>.*?</items>", "");
        this.templates = new ArrayList<>();
        Matcher m = ITEM.matcher(sample);
        while (m.find()) {
            templates.add(Template.of(m.group()));
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no items in the bundled jvndb sample");
        }
    }

    /** One feed document holding items {@code first .. first+count-1}. */
    public byte[] page(int first, int count) {
        StringBuilder doc = new StringBuilder(header.length() + count * 2_000);
        doc.append(header);
        for (int i = first; i < first + count; i++) {
            appendItem(doc, i);
            doc.append('\n');
        }
        doc.append("</rdf:RDF>\n");
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Item number {@code n}: unique id and CVEs, one minute older than item n-1, versions varied by n. */
    String item(int n) {
        StringBuilder sb = new StringBuilder(2_000);
        appendItem(sb, n);
        return sb.toString();
    }

    private void appendItem(StringBuilder out, int n) {
        Template template = templates.get(n % templates.size());
        int year = 2026 - (n / 150_000);
        String date = newest.minusMinutes(n).format(MINUTES);
        for (Object part : template.parts()) {
            if (part instanceof String literal) {
                out.append(literal);
                continue;
            }
            Hole hole = (Hole) part;
            switch (hole.kind()) {
                case JVNDB_ID -> out.append("JVNDB-").append(year).append('-').append(zeroPadded(100_000 + n % 900_000, 6));
                case CVE_ID -> out.append("CVE-").append(year).append('-').append(200_000 + n);
                // Each JVN iPedia entry names its own JVN advisory: without this, every copy of a template would share
                // one JVNVU id and the archive would hold hub identifiers carried by N/12 advisories, which real data
                // never has.
                case JVN_ID -> out.append(hole.text()).append(zeroPadded(10_000_000 + n, 8));
                case DATE -> out.append(date);
                case VERSION -> out.append(hole.text()).append(n % 37);
            }
        }
    }

    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A template: literal strings and {@link Hole}s, in document order. */
    private record Template(List<Object> parts) {
        static Template of(String text) {
            List<Object> parts = new ArrayList<>();
            Matcher m = HOLES.matcher(text);
            int last = 0;
            while (m.find()) {
                parts.add(text.substring(last, m.start()));
                if (m.group(1) != null) {
                    parts.add(new Hole(HoleKind.JVNDB_ID, ""));
                } else if (m.group(2) != null) {
                    parts.add(new Hole(HoleKind.CVE_ID, ""));
                } else if (m.group(3) != null) {
                    parts.add(new Hole(HoleKind.JVN_ID, m.group(3)));
                } else if (m.group(4) != null) {
                    parts.add(new Hole(HoleKind.DATE, ""));
                } else {
                    parts.add(new Hole(HoleKind.VERSION, m.group(5) + "." + m.group(6) + "."));
                }
                last = m.end();
            }
            parts.add(text.substring(last));
            return new Template(List.copyOf(parts));
        }
    }

    private enum HoleKind { JVNDB_ID, CVE_ID, JVN_ID, DATE, VERSION }

    /** A varying part of a template; {@code text} is the fixed prefix the kind keeps (JVN prefix, major.minor.). */
    private record Hole(HoleKind kind, String text) {
    }

    private static String readSample() {
        try (InputStream in = JvndbFeedGenerator.class.getResourceAsStream("/demo/feeds/jvndb-new-rss-sample.rdf")) {
            if (in == null) {
                throw new IllegalStateException("bundled sample /demo/feeds/jvndb-new-rss-sample.rdf is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled jvndb sample", e);
        }
    }
}
