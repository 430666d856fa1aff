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

    private static final byte[] FOOTER = "</rdf:RDF>\n".getBytes(StandardCharsets.UTF_8);

    private final byte[] header;
    private final List<Template> templates;
    private final OffsetDateTime newest = OffsetDateTime.parse("2026-10-08T19:59+09:00");

    public JvndbFeedGenerator() {
        String sample = readSample();
        int firstItem = sample.indexOf("<item ");
        this.header = sample.substring(0, firstItem).replaceAll("(?s)<items>.*?</items>", "")
                .getBytes(StandardCharsets.UTF_8);
        this.templates = new ArrayList<>();
        Matcher m = ITEM.matcher(sample);
        while (m.find()) {
            templates.add(Template.of(m.group()));
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no items in the bundled jvndb sample");
        }
    }

    /**
     * One feed document holding items {@code first .. first+count-1}, written straight as UTF-8: the literal parts
     * of the templates are encoded once, the holes are ASCII. (Built as a String and then encoded, a 500-item page
     * made five copies of a megabyte or more, each a humongous allocation for G1 that started a marking cycle.)
     * Tests use this whole array; the benchmark reads {@link #pageBody}, which is never one large array.
     */
    public byte[] page(int first, int count) {
        return write(first, count).toByteArray();
    }

    /** {@link #page} as a stream for a parser, read from the blocks it was written into (see {@link Utf8Buffer}). */
    public InputStream pageBody(int first, int count) {
        return write(first, count).toInputStream();
    }

    private Utf8Buffer write(int first, int count) {
        Utf8Buffer doc = new Utf8Buffer();
        doc.append(header);
        for (int i = first; i < first + count; i++) {
            appendItem(doc, i);
            doc.append((byte) '\n');
        }
        doc.append(FOOTER);
        return doc;
    }

    private void appendItem(Utf8Buffer out, int n) {
        Template template = templates.get(n % templates.size());
        int year = 2026 - (n / 150_000);
        for (Object part : template.parts()) {
            if (part instanceof byte[] literal) {
                out.append(literal);
                continue;
            }
            Hole hole = (Hole) part;
            switch (hole.kind()) {
                case JVNDB_ID -> out.ascii("JVNDB-").number(year).ascii("-").ascii(zeroPadded(100_000 + n % 900_000, 6));
                case CVE_ID -> out.ascii("CVE-").number(year).ascii("-").number(200_000 + n);
                // Each JVN iPedia entry names its own JVN advisory: without this, every copy of a template would share
                // one JVNVU id and the archive would hold hub identifiers carried by N/12 advisories, which real data
                // never has.
                case JVN_ID -> out.ascii(hole.text()).ascii(zeroPadded(10_000_000 + n, 8));
                case DATE -> out.ascii(newest.minusMinutes(n).format(MINUTES));
                case VERSION -> out.ascii(hole.text()).number(n % 37);
            }
        }
    }

    private static String zeroPadded(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A template: literal text (as UTF-8) and {@link Hole}s, in document order. */
    private record Template(List<Object> parts) {
        static Template of(String text) {
            List<Object> parts = new ArrayList<>();
            Matcher m = HOLES.matcher(text);
            int last = 0;
            while (m.find()) {
                parts.add(text.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
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
            parts.add(text.substring(last).getBytes(StandardCharsets.UTF_8));
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
