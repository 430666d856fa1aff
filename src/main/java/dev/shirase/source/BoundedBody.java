package dev.shirase.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a body into memory without ever holding more than a cap: a gzip bomb or an endless stream
 * stops at cap + one buffer with {@link TooLargeException} instead of exhausting the heap.
 */
final class BoundedBody {
    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {
    }

    /** The body exceeded the cap; {@code afterDecompression} tells which count tripped. */
    static final class TooLargeException extends IOException {
        private final boolean afterDecompression;

        TooLargeException(long cap, boolean afterDecompression) {
            super("response larger than " + humanSize(cap) + (afterDecompression ? " after decompression" : ""));
            this.afterDecompression = afterDecompression;
        }

        boolean afterDecompression() {
            return afterDecompression;
        }
    }

    /** Wraps the wire stream so that reading more than {@code cap} bytes from it fails. */
    static InputStream capped(InputStream in, long cap) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                // Ask for at most one byte past the cap: enough to detect the overrun, never more.
                int want = (int) Math.min(len, cap - count + 1);
                int n = super.read(b, off, want);
                if (n > 0) {
                    count += n;
                    if (count > cap) {
                        throw new TooLargeException(cap, false);
                    }
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] sink = new byte[(int) Math.min(n, CHUNK)];
                int read = read(sink, 0, sink.length);
                return Math.max(read, 0);
            }
        };
    }

    /**
     * Reads {@code in} to the end, failing once more than {@code cap} bytes have come out.
     *
     * @param decompressed whether {@code in} is a decompressing stream (only changes the error message)
     */
    static byte[] readAll(InputStream in, long cap, boolean decompressed) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        byte[] buf = new byte[CHUNK];
        int fill = 0;
        while (true) {
            int n = in.read(buf, fill, buf.length - fill);
            if (n < 0) {
                break;
            }
            total += n;
            if (total > cap) {
                throw new TooLargeException(cap, decompressed);
            }
            fill += n;
            if (fill == buf.length) {
                chunks.add(buf);
                buf = new byte[CHUNK];
                fill = 0;
            }
        }
        byte[] out = new byte[(int) total];
        int pos = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, out, pos, chunk.length);
            pos += chunk.length;
        }
        System.arraycopy(buf, 0, out, pos, fill);
        return out;
    }

    /** 20 MB, 512 KB, 300 bytes: the cap as people write it. */
    static String humanSize(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
