package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rome's healing pass is skipped only where it could change nothing the XML parser reads. */
class FeedBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"<a>&nbsp;</a>", "<a>&copy;</a>", "<a>& b</a>", "<a>&amp</a>", "<a>a&</a>",
            "<a><![CDATA[&lt;]]></a>", "  <?xml version=\"1.0\"?><a/>", "\n<a/>", "<!-- first --><a/>",
            "<!DOCTYPE a><a/>", "<a>&foo.bar;</a>", "<a b=\"&x;\"/>", "<", ""})
    void healsWhatTheHealerWouldChange(String text) {
        assertThat(HealingCheck.needed(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a>&#13;&#x3042;&lt;&gt;&amp;&quot;&apos;</a>", "<?xml version=\"1.0\"?><a>x</a>",
            "<a b=\"&amp;\">plain</a>"})
    void skipsDocumentsTheHealerWouldReadTheSame(String text) {
        assertThat(HealingCheck.needed(text)).isFalse();
    }

    /** For the real samples it skips, the parsed document is the same with and without the healer. */
    @ParameterizedTest
    @ValueSource(strings = {"feeds/jvndb-new-rss-sample.rdf", "feeds/myjvn-getVulnOverviewList-hnd-sample.xml",
            "feeds/jvn-rss-sample.rdf", "feeds/ipa-alert-rss-sample.rdf", "feeds/myjvn-getAlertList-hnd-sample.xml"})
    void skippingTheHealerChangesNothingTheParserReads(String fixture) throws Exception {
        String text = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
        assertThat(HealingCheck.needed(text)).isFalse();
        assertThat(parsed(new StringReader(text))).isEqualTo(parsed(new XmlFixerReader(new StringReader(text))));
    }

    private static String parsed(Reader reader) throws Exception {
        return new XMLOutputter().outputString(new SAXBuilder().build(reader));
    }
}
