package dev.shirase.source;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * A feed body held in memory as a list of blocks instead of one array, read in place. Like a
 * {@link java.io.ByteArrayInputStream} it can be read again from a mark set anywhere (the read limit is ignored), so
 * parsers treat it as a body in memory and make no copy of it.
 *
 * <p>Why blocks: an array over half a G1 region (512 KB with the smallest, 1 MB, regions) is "humongous", allocated
 * straight into the old generation, and a burst of those just after a collection can make G1 predict an allocation
 * rate of gigabytes per second and run marking cycles back to back for seconds.
 */
public final class InMemoryBody extends InputStream {
    /** The block size writers should use: under half of G1's smallest region, so never humongous. */
    public static final int BLOCK = 256 * 1024;

    private final List<byte[]> blocks;
    private final int lastFill;
    private int index;
    private int pos;
    private int markIndex;
    private int markPos;

    /**
     * Reads every block whole except the last, of which the first {@code lastFill} bytes. The blocks are not copied
     * and must not change afterwards.
     */
    public InMemoryBody(List<byte[]> blocks, int lastFill) {
        if (blocks.isEmpty() || lastFill < 0 || lastFill > blocks.get(blocks.size() - 1).length) {
            throw new IllegalArgumentException("no blocks, or " + lastFill + " bytes in the last");
        }
        this.blocks = List.copyOf(blocks);
        this.lastFill = lastFill;
    }

    @Override
    public int read() {
        if (!advance()) {
            return -1;
        }
        return blocks.get(index)[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < len && advance()) {
            int n = Math.min(len - copied, limit() - pos);
            System.arraycopy(blocks.get(index), pos, b, off + copied, n);
            pos += n;
            copied += n;
        }
        return copied == 0 ? -1 : copied;
    }

    /** The rest of the body in one array of its exact length. */
    @Override
    public byte[] readAllBytes() {
        byte[] rest = new byte[available()];
        read(rest, 0, rest.length);
        return rest;
    }

    @Override
    public long skip(long n) {
        long skipped = 0;
        while (skipped < n && advance()) {
            int step = (int) Math.min(n - skipped, limit() - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        long left = 0;
        for (int i = index; i < blocks.size(); i++) {
            left += (i == blocks.size() - 1 ? lastFill : blocks.get(i).length) - (i == index ? pos : 0);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    /** Marks the current position; {@code readLimit} is ignored (everything stays in memory). */
    @Override
    public void mark(int readLimit) {
        markIndex = index;
        markPos = pos;
    }

    @Override
    public void reset() {
        index = markIndex;
        pos = markPos;
    }

    /** Moves to the next block with bytes left; false at the end. */
    private boolean advance() {
        while (index < blocks.size() && pos == limit()) {
            if (index == blocks.size() - 1) {
                return false;
            }
            index++;
            pos = 0;
        }
        return index < blocks.size();
    }

    private int limit() {
        return index == blocks.size() - 1 ? lastFill : blocks.get(index).length;
    }
}
