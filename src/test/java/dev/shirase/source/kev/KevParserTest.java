package dev.shirase.source.kev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.advisory.KevEntry;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KevParserTest {

    private static final FeedSource SOURCE = new FeedSource("cisa-kev", FeedType.KEV,
            URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"), null, true);

    private static byte[] real;
    private static ParsedFeed feed;

    private final KevParser parser = new KevParser();

    @BeforeAll
    static void parseRealCatalogueOnce() throws Exception {
        try (InputStream in = KevParserTest.class.getResourceAsStream("/fixtures/feeds/cisa-kev-sample.json")) {
            real = in.readAllBytes();
        }
        feed = new KevParser().parse(new ByteArrayInputStream(real), "application/json", SOURCE);
    }

    @Test
    void readsEveryEntryOfTheRealCatalogue() {
        assertThat(feed.kev()).hasSize(1404);
        assertThat(feed.totalResults()).isEqualTo(1404);
        assertThat(feed.advisories()).isEmpty();
        assertThat(feed.epss()).isEmpty();
        assertThat(feed.kev()).extracting(KevEntry::cve).doesNotHaveDuplicates().allMatch(c -> c.matches("CVE-\\d{4}-\\d{4,7}"));
        assertThat(feed.kev().stream().filter(KevEntry::knownRansomware).count()).isEqualTo(293);
    }

    @Test
    void firstAndLastEntriesCarryEveryField() {
        assertThat(feed.kev().get(0)).isEqualTo(new KevEntry("CVE-2025-48384", "Git", "Git",
                "Git Link Following Vulnerability", LocalDate.of(2025, 8, 25), LocalDate.of(2025, 9, 15), false,
                "Apply mitigations per vendor instructions, follow applicable BOD 22-01 guidance for cloud services, "
                        + "or discontinue use of the product if mitigations are unavailable."));
        assertThat(feed.kev().get(1403)).isEqualTo(new KevEntry("CVE-2020-29583", "Zyxel", "Multiple Products",
                "Zyxel Multiple Products Use of Hard-Coded Credentials Vulnerability", LocalDate.of(2021, 11, 3),
                LocalDate.of(2022, 5, 3), false, "Apply updates per vendor instructions."));
    }

    @Test
    void knownRansomwareUseAndAmpersandsSurvive() {
        Map<String, KevEntry> byCve = feed.kev().stream().collect(Collectors.toMap(KevEntry::cve, Function.identity()));
        KevEntry sharePoint = byCve.get("CVE-2025-49704");
        assertThat(sharePoint.vendor()).isEqualTo("Microsoft");
        assertThat(sharePoint.product()).isEqualTo("SharePoint");
        assertThat(sharePoint.name()).isEqualTo("Microsoft SharePoint Code Injection Vulnerability");
        assertThat(sharePoint.dateAdded()).isEqualTo(LocalDate.of(2025, 7, 22));
        assertThat(sharePoint.dueDate()).isEqualTo(LocalDate.of(2025, 7, 23));
        assertThat(sharePoint.knownRansomware()).isTrue();
        assertThat(sharePoint.requiredAction()).startsWith("Disconnect public-facing versions of SharePoint Server")
                .endsWith("discontinue use of the product if mitigations are not available.");
        assertThat(byCve.get("CVE-2023-27532").product()).isEqualTo("Backup & Replication");
    }

    @Test
    void toleratesUnknownKeysAndNestedValues() throws Exception {
        String json = """
                {"future":{"a":[1,{"b":2}]},"vulnerabilities":[
                  {"cveID":"cve-2024-0001","extra":{"x":[1,2]},"vendorProject":"V","product":"P","vulnerabilityName":"N",
                   "dateAdded":"2024-01-02","dueDate":"2024-01-23","knownRansomwareCampaignUse":"Known",
                   "requiredAction":"Patch.","cwes":["CWE-1"],"newFlag":true,"score":9.8,"nothing":null}],
                 "count":1,"more":"x"}""";
        assertThat(parse(json).kev()).containsExactly(new KevEntry("CVE-2024-0001", "V", "P", "N",
                LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 23), true, "Patch."));
    }

    @Test
    void skipsAFewUnusableEntriesButFailsWhenTooMany() throws Exception {
        StringBuilder json = new StringBuilder("{\"vulnerabilities\":[");
        for (int i = 1; i <= 100; i++) {
            json.append(i > 1 ? "," : "").append(entry("CVE-2024-" + (1000 + i), "2024-01-02"));
        }
        json.append(",").append(entry("not-a-cve", "2024-01-02")).append("]}");
        assertThat(parse(json.toString()).kev()).hasSize(100);

        String bad = "{\"vulnerabilities\":[" + entry("CVE-2024-1001", "2024-01-02") + ","
                + entry("CVE-2024-1002", "02/01/2024") + "]}";
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: 1 of 2 KEV entries lack a usable cveID/dateAdded/dueDate");
    }

    @Test
    void badInputsAreFeedParseExceptionsNamingTheSource() {
        byte[] truncated = Arrays.copyOf(real, real.length - 200);
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("cisa-kev: truncated KEV JSON");
        assertThatThrownBy(() -> parse("<html><body>Access Denied</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("cisa-kev: not valid JSON");
        assertThatThrownBy(() -> parse(new byte[0])).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: not a KEV catalogue: empty body");
        assertThatThrownBy(() -> parse(new byte[] {0x1f, (byte) 0x8b, 8, 0, (byte) 0xfe, 0x01, 0x00, 0x7f}))
                .isInstanceOf(FeedParseException.class).hasMessageStartingWith("cisa-kev: not valid JSON");
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: not a KEV catalogue: expected a JSON object, got START_ARRAY");
        assertThatThrownBy(() -> parse("{\"title\":\"x\"}")).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: not a KEV catalogue: no \"vulnerabilities\" array");
        assertThatThrownBy(() -> parse("{\"vulnerabilities\":{}}")).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: not a KEV catalogue: \"vulnerabilities\" is not an array");
        assertThatThrownBy(() -> parse("{\"vulnerabilities\":[]}")).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: the KEV catalogue lists no vulnerabilities");
        assertThatThrownBy(() -> parse("{\"vulnerabilities\":[]} {}")).isInstanceOf(FeedParseException.class)
                .hasMessage("cisa-kev: not a KEV catalogue: trailing content after the catalogue object");
    }

    @Test
    void fastTextPathAgreesWithPlainText() {
        for (String raw : java.util.List.of("Backup & Replication", " Git ", "a  b", "a\tb", "x\r\ny", "AT&amp;T",
                "<b>bold</b> name", "Versions <= 1.2", "non\u00a0breaking", "", "Microsoft Windows")) {
            assertThat(KevEntryAdapter.text(raw)).as(raw).isEqualTo(dev.shirase.advisory.PlainText.of(raw));
        }
    }

    private static String entry(String cve, String dateAdded) {
        return "{\"cveID\":\"" + cve + "\",\"vendorProject\":\"V\",\"product\":\"P\",\"vulnerabilityName\":\"N\","
                + "\"dateAdded\":\"" + dateAdded + "\",\"dueDate\":\"2024-02-01\",\"knownRansomwareCampaignUse\":\"Unknown\","
                + "\"requiredAction\":\"A\"}";
    }

    private ParsedFeed parse(String json) throws FeedParseException {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private ParsedFeed parse(byte[] bytes) throws FeedParseException {
        return parser.parse(new ByteArrayInputStream(bytes), "application/json", SOURCE);
    }
}
