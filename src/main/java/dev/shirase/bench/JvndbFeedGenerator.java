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
 */
public final class JvndbFeedGenerator {
    private static final Pattern ITEM = Pattern.compile("(?s)<item .*?</item>");
    private static final Pattern JVNDB_ID = Pattern.compile("JVNDB-2026-0\\d{5}");
    private static final Pattern CVE_ID = Pattern.compile("CVE-(\\d{4})-(\\d+)");
    private static final Pattern JVN_ID = Pattern.compile("(JVN(?:VU|TA)?#)\\d{8}");
    private static final Pattern DATE = Pattern.compile("2026-10-0\\dT\\d\\d:\\d\\d\\+09:00");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

    private final String header;
    private final List<String> templates;
    private final OffsetDateTime newest = OffsetDateTime.parse("2026-10-08T19:59+09:00");

    public JvndbFeedGenerator() {
        String sample = readSample();
        int firstItem = sample.indexOf("<item ");
        this.header = sample.substring(0, firstItem).replaceAll("(?s)<items>.*?</items>", "");
        this.templates = new ArrayList<>();
        Matcher m = ITEM.matcher(sample);
        while (m.find()) {
            templates.add(m.group());
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
            doc.append(item(i)).append('\n');
        }
        doc.append("</rdf:RDF>\n");
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Item number {@code n}: unique id and CVEs, one minute older than item n-1, versions varied by n. */
    String item(int n) {
        String template = templates.get(n % templates.size());
        int year = 2026 - (n / 150_000);
        String id = String.format("JVNDB-%d-%06d", year, 100_000 + n % 900_000);
        String text = JVNDB_ID.matcher(template).replaceAll(id);
        text = CVE_ID.matcher(text).replaceAll(mr -> "CVE-" + year + "-" + (200_000 + n));
        // Each JVN iPedia entry names its own JVN advisory: without this, every copy of a template would share one
        // JVNVU id and the archive would hold hub identifiers carried by N/12 advisories, which real data never has.
        text = JVN_ID.matcher(text).replaceAll(mr -> mr.group(1) + String.format("%08d", 10_000_000 + n));
        String date = newest.minusMinutes(n).format(MINUTES);
        text = DATE.matcher(text).replaceAll(date);
        int variant = n % 37;
        text = VERSION.matcher(text).replaceAll(mr -> mr.group(1) + "." + mr.group(2) + "." + variant);
        return text;
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
