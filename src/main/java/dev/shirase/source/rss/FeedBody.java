package dev.shirase.source.rss;

import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.InMemoryBody;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens an untrusted feed body as characters for an XML parser, the part every XML feed reader shares whatever parser
 * it uses (Rome's DOM in {@link SecureFeedReader}, StAX for JVN iPedia): empty bodies and HTML pages are refused with
 * a clear message, the charset is decided, bytes are decoded strictly, Rome's healing turns HTML entities such as
 * {@code &nbsp;} into character references, and every failure becomes a {@link FeedParseException} naming the source.
 *
 * <p>Charset: the body's own BOM or XML declaration wins over the HTTP {@code charset} label (servers mislabel
 * UTF-8 feeds as Shift_JIS); the label is used only when the body declares nothing (Rome's lenient XmlReader).
 */
public final class FeedBody {

    private static final int SNIFF_BYTES = 1024;
    /** Rome's XmlReader looks at no more than its 4 KB buffer (twice, with mark/reset); generous headroom. */
    private static final int ENCODING_SNIFF_LIMIT = 64 * 1024;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    /** Parses the decoded characters; parser-specific errors are already {@link FeedParseException}s. */
    @FunctionalInterface
    public interface CharParser<T> {
        T parse(Reader chars) throws FeedParseException, IOException;
    }

    private FeedBody() {
    }

    /**
     * Decodes {@code body} and hands the characters to {@code parser}. A decoding failure anywhere (also one the
     * parser reports inside its own exception) becomes "the body is not valid &lt;charset&gt;", never mojibake.
     *
     * @param contentType the HTTP Content-Type or ""
     * @param label       who is reading (the source id), put in front of every error message
     */
    public static <T> T read(InputStream body, String contentType, String label, CharParser<T> parser)
            throws FeedParseException {
        if (body == null) {
            throw new FeedParseException(label + ": no response body");
        }
        String type = contentType == null ? "" : contentType.trim();
        String encoding = "the declared charset";
        try {
            // A body already in memory (every fetched one) is read in place: its bytes can be looked at twice.
            InputStream in = inMemory(body) ? body : new BufferedInputStream(body, 8192);
            Prolog prolog = sniff(in);
            if (prolog.empty) {
                throw new FeedParseException(label + ": empty response body, expected an XML feed");
            }
            if (prolog.html) {
                throw new FeedParseException(label + ": got an HTML page, not an XML feed"
                        + (type.isEmpty() ? "" : " (Content-Type: " + type + ")"));
            }
            encoding = encoding(in, prolog.selfDescribing || type.isEmpty() ? "" : type);
            try (Reader reader = characters(in, encoding, prolog)) {
                return parser.parse(reader);
            }
        } catch (FeedParseException | IOException e) {
            if (codingCause(e) != null) {
                throw new FeedParseException(label + ": the body is not valid " + encoding
                        + " (wrong charset label or declaration?)", e);
            }
            if (e instanceof FeedParseException parseError) {
                throw parseError;
            }
            throw new FeedParseException(label + ": cannot read or decode the feed: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new FeedParseException(label + ": unreadable feed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The charset as Rome's lenient XmlReader decides it (BOM, XML declaration, then the HTTP label), read from the
     * head of the stream only; the stream is reset afterwards.
     */
    private static String encoding(InputStream in, String contentType) throws IOException {
        in.mark(ENCODING_SNIFF_LIMIT);
        InputStream head = new FilterInputStream(in) {
            @Override
            public void close() {
                // the body is read again from the mark
            }
        };
        String encoding = contentType.isEmpty()
                ? new XmlReader(head, true).getEncoding()
                : new XmlReader(head, contentType, true).getEncoding();
        in.reset();
        return encoding;
    }

    /**
     * The body's characters, decoded strictly: bytes that are not valid in the charset fail the parse instead of
     * silently becoming U+FFFD (a Shift_JIS body declared as UTF-8 would otherwise store every title as mojibake),
     * healed by Rome's {@link XmlFixerReader} only where healing could change something ({@link HealingCheck}).
     *
     * <p>A UTF-8 body in memory is checked byte by byte and then decoded as the parser reads it, so no copy of the
     * whole body is made; each copy of a large feed is an array the garbage collector has to treat as humongous.
     * Any other body is decoded whole first.
     */
    private static Reader characters(InputStream in, String encoding, Prolog prolog) throws IOException {
        if (prolog.utf8Bom) {
            in.skipNBytes(3);
        } else if (prolog.utf16Bom) {
            in.skipNBytes(2);
        }
        Charset charset = Charset.forName(encoding);
        if (charset.equals(StandardCharsets.UTF_8) && inMemory(in)) {
            HealingCheck check = new HealingCheck();
            in.mark(0); // ignored by both in-memory kinds: the whole body can be read again
            byte[] chunk = new byte[8192];
            for (int n; !check.decided() && (n = in.read(chunk)) > 0; ) {
                check.accept(chunk, 0, n);
            }
            in.reset();
            Reader chars = new StrictUtf8Reader(in);
            return check.needed() ? new XmlFixerReader(chars) : chars;
        }
        String text = decode(in, charset);
        return HealingCheck.needed(text) ? new XmlFixerReader(new StringReader(text)) : new StringReader(text);
    }

    /** Whether the body is in memory and can be read again from a mark however far it was read. */
    private static boolean inMemory(InputStream body) {
        return body instanceof ByteArrayInputStream || body instanceof InMemoryBody;
    }

    /** Decodes the whole (size-capped) rest of the body strictly. */
    private static String decode(InputStream in, Charset charset) throws IOException {
        byte[] bytes = in.readAllBytes();
        return charset.equals(StandardCharsets.UTF_8) ? StrictUtf8Reader.decode(bytes, bytes.length)
                : strict(charset).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A decoder that reports bytes not valid in {@code charset} instead of replacing them. */
    static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static CharacterCodingException codingCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof CharacterCodingException c) {
                return c;
            }
        }
        return null;
    }

    private record Prolog(boolean empty, boolean html, boolean selfDescribing, boolean utf8Bom, boolean utf16Bom) {
    }

    /** Peeks at the first bytes: BOM or XML encoding declaration, or an HTML page. */
    private static Prolog sniff(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length == 0) {
            return new Prolog(true, false, false, false, false);
        }
        boolean utf8Bom = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        boolean utf16Bom = head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        // ISO-8859-1 maps bytes 1:1, enough to read an ASCII prolog or an HTML start tag
        String ascii = new String(head, utf8Bom ? 3 : 0, head.length - (utf8Bom ? 3 : 0), StandardCharsets.ISO_8859_1)
                .stripLeading();
        if (ascii.isEmpty() && head.length < SNIFF_BYTES) {
            return new Prolog(true, false, false, false, false);
        }
        String lower = ascii.toLowerCase(Locale.ROOT);
        boolean html = lower.startsWith("<!doctype html") || lower.startsWith("<html");
        Matcher m = DECLARED_ENCODING.matcher(ascii);
        return new Prolog(false, html, utf8Bom || utf16Bom || m.find(), utf8Bom, utf16Bom);
    }
}
