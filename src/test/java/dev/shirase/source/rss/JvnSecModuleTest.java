package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The Rome plugins registered in rome.properties are picked up for both sec: namespaces. */
class JvnSecModuleTest {

    private static SyndFeed read(String fixture) throws Exception {
        return SecureFeedReader.read(new ByteArrayInputStream(Fixtures.bytes(fixture)), "", "test");
    }

    @Test
    void legacyNamespaceModuleOnRss10Items() throws Exception {
        SyndEntry entry = read("feeds/jvndb-new-rss-sample.rdf").getEntries().get(0);
        JvnSecModule sec = (JvnSecModule) entry.getModule(JvnSecModule.URI);
        assertThat(sec).isNotNull();
        assertThat(sec.getUri()).isEqualTo(JvnSecModule.URI);
        assertThat(sec.getIdentifier()).isEqualTo("JVNDB-2026-037242");
        assertThat(sec.getCpes()).containsExactly(new SecCpe("cpe:/a:google:chrome", "Google", "Google Chrome", "2.2"));
        assertThat(sec.getCvss()).containsExactly(new SecCvss("3.0", "5.4", "Medium",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:L", "Base"));
        assertThat(sec.getReferences()).hasSize(3);
        assertThat(entry.getModule(JvnSecModule.URI_30)).isNull();
        RawDatesModule dates = (RawDatesModule) entry.getModule(RawDatesModule.URI);
        assertThat(dates.getDcDate()).isEqualTo("2026-10-08T19:59+09:00");
        assertThat(dates.getDctermsIssued()).isEqualTo("2026-10-08T19:59+09:00");
    }

    @Test
    void version30NamespaceModuleOnAtomEntriesWithItems() throws Exception {
        SyndEntry entry = read("feeds/myjvn-getAlertList-hnd-sample.xml").getEntries().get(1);
        JvnSecModule sec = (JvnSecModule) entry.getModule(JvnSecModule.URI_30);
        assertThat(sec).isNotNull();
        assertThat(sec.getItems()).containsExactly(new SecItem("Download WordPress (6.7.2)", "MYJVN-ALT-2025-0011-0001",
                "", "https://wordpress.org/download/", java.util.List.of("cpe:/a:wordpress:wordpress"),
                "2025-02-12T00:00:00+09:00", "2025-02-12T10:58:02+09:00"));
        JvnSecModule copy = (JvnSecModule) sec.clone();
        assertThat(copy.getItems()).isEqualTo(sec.getItems());
        assertThat(copy.getUri()).isEqualTo(JvnSecModule.URI_30);
        RawDatesModule dates = (RawDatesModule) entry.getModule(RawDatesModule.URI);
        assertThat(dates.getAtomPublished()).isEqualTo("2025-02-12T10:58:02+09:00");
    }
}
