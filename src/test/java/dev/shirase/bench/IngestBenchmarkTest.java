package dev.shirase.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness on a small scale: warm-up rounds, rehearsal, both timed runs, search, its scratch dirs. */
class IngestBenchmarkTest {

    @Test
    void warmsUpThenTimesThePipelineBareLuceneAndSearch(@TempDir Path work) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        IngestBenchmark.Result r = new IngestBenchmark(600, 500, 200, 1,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(work);

        assertThat(r.items()).isEqualTo(600);
        // One round of at most 500 (a quiet JIT may end it after that round, never later), then a full-size rehearsal.
        assertThat(r.warmupItems()).isEqualTo(500 + 600);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("warm-up (not timed) 500 items")
                .contains("rehearsal (not timed) 600 items")
                .contains("background merges finished"); // searches are measured after the load's merges
        assertThat(r.seconds()).isPositive();
        assertThat(r.cpuSeconds()).isPositive();
        assertThat(r.bareBefore().seconds()).isPositive();
        assertThat(r.bareAfter().seconds()).isPositive();
        assertThat(r.bareSeconds()).isEqualTo((r.bareBefore().seconds() + r.bareAfter().seconds()) / 2);
        assertThat(r.ratio()).isEqualTo(r.perSecond() / (r.items() / r.bareSeconds()));
        assertThat(r.ratio()).isPositive();
        assertThat(r.stages()).contains("store").contains("index");
        assertThat(r.search().p50()).isPositive();
        assertThat(r.searchNoFacets().p99()).isGreaterThanOrEqualTo(r.searchNoFacets().p50());
        // The warm-up's scratch dirs are gone; the timed runs' dirs stay for inspection.
        assertThat(work.resolve("warmup")).doesNotExist();
        assertThat(Files.isDirectory(work.resolve("pipeline"))).isTrue();
        assertThat(Files.isDirectory(work.resolve("bare"))).isTrue();
        assertThat(Files.isDirectory(work.resolve("bare-after"))).isTrue();
    }

    @Test
    void aSecondRunInTheSameDirStartsFromEmptyStoresAndLeavesOtherFilesAlone(@TempDir Path work) throws Exception {
        IngestBenchmark first = new IngestBenchmark(300, 0, 100, 1, new PrintStream(new ByteArrayOutputStream()));
        first.run(work);
        Path leftOver = Files.writeString(work.resolve("pipeline").resolve("left-over"), "x");
        Path mine = Files.writeString(work.resolve("notes.txt"), "kept");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        IngestBenchmark.Result again = new IngestBenchmark(300, 0, 100, 1,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(work);

        // Into the filled store every item would be unchanged: nothing stored or indexed, nothing measured.
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("deleting " + work.resolve("pipeline"));
        assertThat(leftOver).doesNotExist();
        assertThat(mine).hasContent("kept");
        assertThat(again.search().p50()).isPositive();
    }
}
