package dev.shirase.source.rss;

import static dev.shirase.source.rss.Fixtures.byId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JvnParserTest {

    private static ParsedFeed feed;

    @BeforeAll
    static void parse() throws Exception {
        feed = Fixtures.parse(new JvnParser(), FeedType.JVN, "feeds/jvn-rss-sample.rdf");
    }

    @Test
    void everyItemKeyedByItsJvnIdentifier() {
        assertThat(feed.advisories()).hasSize(20);
        assertThat(feed.advisories()).extracting(Advisory::id).doesNotHaveDuplicates()
                .startsWith("JVNVU#91137775", "JVN#91153973", "JVNVU#98062224", "JVNVU#94062711")
                .endsWith("JVNVU#96520526");
        assertThat(feed.advisories()).allSatisfy(a -> {
            assertThat(a.category()).isEqualTo(Category.VULNERABILITY);
            assertThat(a.cvss()).isEmpty();
            assertThat(a.products()).isEmpty();
            assertThat(a.url()).startsWith("https://jvn.jp/");
            assertThat(a.identifiers()).extracting(Identifier::value).contains(a.id());
        });
    }

    @Test
    void updatedItemKeepsIssuedAsPublishedAndDcDateAsModified() {
        Advisory a = byId(feed, "JVNVU#98062224");
        assertThat(a.published()).isEqualTo(OffsetDateTime.parse("2026-09-02T13:00:00+09:00"));
        assertThat(a.modified()).isEqualTo(OffsetDateTime.parse("2026-10-07T13:00:00+09:00"));
        assertThat(a.modified().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(a.title()).isEqualTo("キーエンス製複数製品におけるXML外部エンティティ参照（XXE）の不適切な制限の脆弱性");
        assertThat(a.summary()).startsWith("株式会社キーエンスが提供するXG VisionTerminal");
        assertThat(a.url()).isEqualTo("https://jvn.jp/vu/JVNVU98062224/");
    }

    @Test
    void jvnNumberedItem() {
        Advisory a = byId(feed, "JVN#91153973");
        assertThat(a.identifiers()).containsExactly(Identifier.of(IdentifierType.JVN, "JVN#91153973"));
        assertThat(a.title()).isEqualTo("Movable Typeにおける複数の脆弱性");
        assertThat(a.published()).isEqualTo(a.modified()).isEqualTo(OffsetDateTime.parse("2026-10-07T14:00:00+09:00"));
        Advisory seconds = byId(feed, "JVN#13510969");
        assertThat(seconds.published().toString()).isEqualTo("2026-10-06T12:00:15+09:00");
    }
}
