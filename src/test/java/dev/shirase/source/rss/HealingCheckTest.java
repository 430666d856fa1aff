package dev.shirase.source.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming check answers what the whole-text check of the earlier {@code FeedBody.needsHealing} answered (kept
 * here as the reference), fed characters, and fed the same text as UTF-8 bytes in chunks of any size.
 */
class HealingCheckTest {

    /** Characters that steer the check, plus multi-byte ones whose UTF-8 bytes must count as "none of these". */
    private static final String ALPHABET = "<<>!![[CDATAamplgtquosx#1;;&&& \nア脆\uFFFD";

    @Test
    void agreesWithTheWholeTextCheckOnRandomDocuments() {
        Random random = new Random(20261126);
        int healed = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random);
            boolean expected = reference(text);
            healed += expected ? 1 : 0;
            assertThat(HealingCheck.needed(text)).as("chars of %s", text).isEqualTo(expected);
            assertThat(bytewise(text, 1 + random.nextInt(7))).as("UTF-8 bytes of %s", text).isEqualTo(expected);
        }
        // Both answers occur often, or the comparison above proves little.
        assertThat(healed).isBetween(20_000, 180_000);
    }

    @Test
    void namesTheCasesTheHealerWouldChange() {
        for (String text : List.of("<a>&amp</a>", "<a>&ampx;</a>", "<a>&#x3042</a>", "x<![CDATA[", "<!x", "<a>&", "<")) {
            assertThat(HealingCheck.needed(text)).as(text).isTrue();
            assertThat(bytewise(text, 3)).as(text).isTrue();
        }
        for (String text : List.of("<a>&#;</a>", "<a>&apos;&quot;</a>", "<a>脆弱性&amp;対策</a>", "<a")) {
            assertThat(HealingCheck.needed(text)).as(text).isFalse();
            assertThat(bytewise(text, 2)).as(text).isFalse();
        }
    }

    private static boolean bytewise(String text, int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        HealingCheck check = new HealingCheck();
        for (int from = 0; from < bytes.length; from += chunk) {
            check.accept(bytes, from, Math.min(chunk, bytes.length - from));
        }
        return check.needed();
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(4) > 0) {
            b.append('<');
        }
        int length = random.nextInt(14);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                b.append(List.of("&amp;", "&lt;", "&#13;", "<![CDATA[", "&quot", "&apos;", "&nbsp;").get(random.nextInt(7)));
            } else {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    /** The whole-text check as FeedBody had it before the streaming one. */
    private static boolean reference(String text) {
        if (text.length() < 2 || text.charAt(0) != '<' || text.charAt(1) == '!' || text.contains("<![CDATA[")) {
            return true;
        }
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            int end = amp + 1;
            while (end < text.length() && isEntityChar(text.charAt(end))) {
                end++;
            }
            if (end == text.length() || text.charAt(end) != ';' || !isXmlReference(text, amp + 1, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEntityChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#';
    }

    private static boolean isXmlReference(String text, int from, int to) {
        if (to > from && text.charAt(from) == '#') {
            return true;
        }
        for (String name : List.of("lt", "gt", "amp", "quot", "apos")) {
            if (name.length() == to - from && text.startsWith(name, from)) {
                return true;
            }
        }
        return false;
    }
}
