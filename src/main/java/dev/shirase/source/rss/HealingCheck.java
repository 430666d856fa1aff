package dev.shirase.source.rss;

/**
 * Decides, one character at a time, whether Rome's {@link com.rometools.rome.io.impl.XmlFixerReader} could change
 * what the XML parser reads. The healer trims white space and comments before the first tag, turns HTML entities into
 * character references, escapes a bare {@code &} and rewrites entities inside CDATA. A document that starts with a
 * tag, holds no CDATA and whose every {@code &} starts a numeric or predefined XML reference is read the same with or
 * without it, so it is spared the healer's character-by-character pass (most of the cost of reading a large feed).
 *
 * <p>Streaming, so that a body can be checked without first being decoded into one large String. Every character
 * the check looks at is ASCII, so it may be fed the bytes of a UTF-8 body instead of its characters: a multi-byte
 * sequence has no ASCII byte and is taken, like the character it encodes, as "none of these".
 */
final class HealingCheck {

    private static final String CDATA = "<![CDATA[";
    private static final String[] XML_ENTITIES = {"lt", "gt", "amp", "quot", "apos"};
    /** Longer than every predefined entity name: past this a name that is not numeric cannot be one. */
    private static final int NAME_CAP = 5;

    private long seen;
    private boolean needed;
    private int cdataMatched;
    private boolean inEntity;
    private final char[] name = new char[NAME_CAP];
    private int nameLength;
    /** The last byte of the previous {@link #accept(byte[], int, int)}: a '<' there may begin a CDATA section. */
    private byte previousByte;

    /** Whether the healer is needed for {@code text}. */
    static boolean needed(CharSequence text) {
        HealingCheck check = new HealingCheck();
        for (int i = 0; i < text.length() && !check.needed; i++) {
            check.accept(text.charAt(i));
        }
        return check.needed();
    }

    /** Takes the next character (or byte of UTF-8, 0–255). */
    void accept(int c) {
        if (needed) {
            return;
        }
        if (seen == 0 && c != '<' || seen == 1 && c == '!') {
            needed = true;
            return;
        }
        seen++;
        if (c == CDATA.charAt(cdataMatched)) {
            if (++cdataMatched == CDATA.length()) {
                needed = true;
                return;
            }
        } else {
            cdataMatched = c == '<' ? 1 : 0;
        }
        if (inEntity) {
            if (isEntityChar(c)) {
                if (nameLength < NAME_CAP) {
                    name[nameLength] = (char) c;
                }
                nameLength++;
                return;
            }
            inEntity = false;
            if (c != ';' || !isXmlReference()) {
                needed = true;
                return;
            }
        }
        if (c == '&') {
            inEntity = true;
            nameLength = 0;
        }
    }

    /** Takes {@code length} bytes of a UTF-8 body. */
    void accept(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && !needed) {
            if (seen >= 2 && cdataMatched == 0 && !inEntity) {
                // Only an '&' or the '!' of "<!" can change the answer: skip to the next in a tight loop (a '<' is
                // too common in XML to stop at every one).
                int from = i;
                while (i < end && bytes[i] != '&' && bytes[i] != '!') {
                    i++;
                }
                seen += i - from;
                if (i == end) {
                    break;
                }
                if (bytes[i] == '!') {
                    byte before = i > offset ? bytes[i - 1] : previousByte;
                    if (before != '<') {
                        i++;
                        seen++;
                        continue;
                    }
                    cdataMatched = 1;
                }
            }
            accept(bytes[i++] & 0xFF);
        }
        if (length > 0) {
            previousByte = bytes[end - 1];
        }
    }

    /** Whether the healer is needed for everything taken so far, taken as the whole document. */
    boolean needed() {
        // An entity still open at the end has no ';'; fewer than two characters cannot be a checked document.
        return needed || inEntity || seen < 2;
    }

    /** Stops early once the answer is known to be yes. */
    boolean decided() {
        return needed;
    }

    /** The characters the healer takes as part of an entity name. */
    private static boolean isEntityChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#';
    }

    private boolean isXmlReference() {
        if (nameLength > 0 && name[0] == '#') {
            return true;
        }
        for (String entity : XML_ENTITIES) {
            if (entity.length() == nameLength && nameIs(entity)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameIs(String entity) {
        for (int i = 0; i < nameLength; i++) {
            if (name[i] != entity.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
