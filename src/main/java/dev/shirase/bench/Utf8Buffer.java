package dev.shirase.bench;

import dev.shirase.source.InMemoryBody;
import java.util.ArrayList;
import java.util.List;

/**
 * A growable byte sequence that generated feed documents are written into: UTF-8 literals, ASCII text and numbers.
 * Kept in blocks of {@link InMemoryBody#BLOCK} bytes, never one array: a 500-item document is 1.5 MB, which G1
 * would allocate as a humongous object (see {@link InMemoryBody}).
 */
final class Utf8Buffer {
    private static final int BLOCK = InMemoryBody.BLOCK;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] block = new byte[BLOCK];
    private int fill;

    Utf8Buffer append(byte[] utf8) {
        int from = 0;
        while (from < utf8.length) {
            int n = Math.min(utf8.length - from, room());
            System.arraycopy(utf8, from, block, fill, n);
            fill += n;
            from += n;
        }
        return this;
    }

    Utf8Buffer append(byte b) {
        room();
        block[fill++] = b;
        return this;
    }

    /** Text known to be ASCII (identifiers, dates), one byte per character. */
    Utf8Buffer ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            room();
            block[fill++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Buffer number(int value) {
        return ascii(Integer.toString(value));
    }

    /** The bytes written, in one array of their exact length (for tests: the benchmark reads the blocks). */
    byte[] toByteArray() {
        return toInputStream().readAllBytes();
    }

    /** The bytes written, read in place, block after block. */
    InMemoryBody toInputStream() {
        List<byte[]> blocks = new ArrayList<>(full);
        blocks.add(block);
        return new InMemoryBody(blocks, fill);
    }

    /** Free space in the current block, starting a new one when it is full (at least one byte). */
    private int room() {
        if (fill == BLOCK) {
            full.add(block);
            block = new byte[BLOCK];
            fill = 0;
        }
        return BLOCK - fill;
    }
}
