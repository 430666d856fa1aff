package dev.shirase.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InMemoryBodyTest {
    private final Random random = new Random(7);

    /** {@code size} random bytes, cut into blocks of {@code block} bytes (the last one partly filled). */
    private record Cut(byte[] bytes, List<byte[]> blocks, int lastFill) {
        InMemoryBody body() {
            return new InMemoryBody(blocks, lastFill);
        }
    }

    private Cut cut(int size, int block) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        List<byte[]> blocks = new ArrayList<>();
        int from = 0;
        do {
            byte[] b = new byte[block];
            int n = Math.min(block, size - from);
            System.arraycopy(bytes, from, b, 0, n);
            blocks.add(b);
            from += n;
            if (from == size) {
                return new Cut(bytes, blocks, n);
            }
        } while (true);
    }

    @Test
    void readsEveryBlockInOrderWhateverTheReadSize() {
        Cut cut = cut(10_000, 1_024);
        for (int readSize : new int[] {1, 7, 1_024, 1_500, 20_000}) {
            InMemoryBody body = cut.body();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[readSize];
            for (int n; (n = body.read(buf, 0, buf.length)) > 0; ) {
                out.write(buf, 0, n);
            }
            assertThat(out.toByteArray()).as("read size %d", readSize).isEqualTo(cut.bytes());
            assertThat(body.read()).isEqualTo(-1);
            assertThat(body.read(buf, 0, 1)).isEqualTo(-1);
        }
    }

    @Test
    void singleBytesAreUnsigned() {
        InMemoryBody body = new InMemoryBody(List.of(new byte[] {(byte) 0xe3, 0x41}), 2);
        assertThat(body.read()).isEqualTo(0xe3);
        assertThat(body.read()).isEqualTo(0x41);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void resetReturnsToTheMarkAcrossBlocksAndIgnoresTheReadLimit() throws Exception {
        Cut cut = cut(5_000, 1_000);
        InMemoryBody body = cut.body();
        body.skipNBytes(1_500);
        body.mark(1);
        byte[] rest = body.readAllBytes();
        assertThat(rest).isEqualTo(Arrays.copyOfRange(cut.bytes(), 1_500, 5_000));
        body.reset();
        assertThat(body.available()).isEqualTo(3_500);
        assertThat(body.readAllBytes()).isEqualTo(rest);
        assertThat(body.markSupported()).isTrue();
    }

    @Test
    void skipAndAvailableCountWhatIsLeft() {
        Cut cut = cut(3_000, 1_000);
        InMemoryBody body = cut.body();
        assertThat(body.available()).isEqualTo(3_000);
        assertThat(body.skip(2_500)).isEqualTo(2_500);
        assertThat(body.available()).isEqualTo(500);
        assertThat(body.read()).isEqualTo(cut.bytes()[2_500] & 0xff);
        assertThat(body.skip(10_000)).isEqualTo(499);
        assertThat(body.available()).isZero();
    }

    @Test
    void anEmptyLastBlockEndsTheBody() throws Exception {
        byte[] full = {1, 2, 3};
        InMemoryBody body = new InMemoryBody(List.of(full, new byte[8]), 0);
        assertThat(body.readAllBytes()).containsExactly(1, 2, 3);
        assertThat(body.read()).isEqualTo(-1);
    }

    @Test
    void rejectsNoBlocksOrAFillBeyondTheLastBlock() {
        assertThatThrownBy(() -> new InMemoryBody(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InMemoryBody(List.of(new byte[4]), 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
