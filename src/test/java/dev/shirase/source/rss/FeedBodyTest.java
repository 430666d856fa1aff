package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.XmlFixerReader;
import dev.shirase.source.InMemoryBody;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdom2.input.SAXBuilder;
import org.jdom2.output.XMLOutputter;
import org.junit.jupiter.api.Test;
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

    /**
     * A body held in blocks is read in place like a byte array, not copied whole first: a parser that stops early
     * leaves the rest of it unread.
     */
    @Test
    void readsABodyInBlocksInPlace() throws Exception {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>".getBytes(StandardCharsets.UTF_8);
        List<byte[]> blocks = new ArrayList<>();
        blocks.add(Arrays.copyOf(head, InMemoryBody.BLOCK));
        Arrays.fill(blocks.get(0), head.length, InMemoryBody.BLOCK, (byte) 'x');
        for (int i = 0; i < 3; i++) {
            byte[] filler = new byte[InMemoryBody.BLOCK];
            Arrays.fill(filler, (byte) 'x');
            blocks.add(filler);
        }
        InMemoryBody body = new InMemoryBody(blocks, InMemoryBody.BLOCK);

        String start = FeedBody.read(body, "application/xml", "test", chars -> {
            char[] five = new char[5];
            return new String(five, 0, chars.read(five));
        });

        assertThat(start).isEqualTo("<?xml");
        assertThat(body.available()).isGreaterThan(3 * InMemoryBody.BLOCK);
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
