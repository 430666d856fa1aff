package dev.shirase.bench;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

/** A growable byte array that generated feed documents are written into: UTF-8 literals, ASCII text and numbers. */
final class Utf8Buffer {

    private byte[] bytes;
    private int size;

    /** Room for {@code expected} bytes up front, so that a well-estimated document is never copied to grow. */
    Utf8Buffer(long expected) {
        bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, expected))];
    }

    Utf8Buffer append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    Utf8Buffer append(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    /** Text known to be ASCII (identifiers, dates), one byte per character. */
    Utf8Buffer ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    Utf8Buffer number(int value) {
        return ascii(Integer.toString(value));
    }

    /** The bytes written, in an array of their exact length. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    /** The bytes written, read in place. */
    ByteArrayInputStream toInputStream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length + (bytes.length >> 1)));
        }
    }
}
