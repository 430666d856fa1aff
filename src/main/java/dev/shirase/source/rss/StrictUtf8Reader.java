package dev.shirase.source.rss;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 stream strictly, a chunk at a time: bytes that are not UTF-8 fail the read with a
 * {@link java.nio.charset.MalformedInputException} instead of becoming U+FFFD. Each chunk is decoded by the String
 * constructor, which is faster than {@link java.io.InputStreamReader}'s decoder on Japanese text (its per-character
 * loop was a sixth of parsing a JVN iPedia page); only a chunk that came out holding a U+FFFD is decoded again by the
 * strict decoder. Chunks end on a character boundary and are small enough never to be humongous arrays.
 */
final class StrictUtf8Reader extends Reader {

    private static final int CHUNK = 32 * 1024;

    private final InputStream in;
    private final byte[] bytes = new byte[CHUNK];
    /** Bytes of a character cut by the end of the previous chunk, at the start of {@link #bytes}. */
    private int carried;
    private boolean endOfInput;
    private String chars = "";
    private int position;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == chars.length()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.length() - position);
        chars.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (endOfInput && carried == 0) {
            return false;
        }
        int read = in.readNBytes(bytes, carried, CHUNK - carried);
        int end = carried + read;
        endOfInput = read < CHUNK - carried;
        int cut = endOfInput ? end : lastCharacterStart(end);
        chars = decode(bytes, cut);
        position = 0;
        carried = end - cut;
        System.arraycopy(bytes, cut, bytes, 0, carried);
        return true;
    }

    /**
     * Where the last character of {@code bytes[0, end)} starts: it may be cut, so it is carried into the next chunk
     * (a run of continuation bytes as long as the chunk is malformed anyway, and decoded as it is).
     */
    private int lastCharacterStart(int end) {
        int i = end - 1;
        while (i > 0 && (bytes[i] & 0xC0) == 0x80) {
            i--;
        }
        return i == 0 ? end : i;
    }

    /**
     * The first {@code length} bytes as text. The String constructor decodes UTF-8 in one pass (the strict decoder
     * needs a char buffer twice the size, then copies it): only where it had to put U+FFFD is the strict decoder asked
     * whether the bytes really were malformed or held a U+FFFD of their own.
     */
    static String decode(byte[] bytes, int length) throws CharacterCodingException {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        return FeedBody.strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
