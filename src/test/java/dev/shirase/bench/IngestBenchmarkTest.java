package dev.shirase.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    void warmsUpThenAlternatesBareLuceneAndPipelineRunsThenSearches(@TempDir Path work) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        IngestBenchmark.Result r = new IngestBenchmark(600, 500, 200, 2, 1,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(work);

        assertThat(r.items()).isEqualTo(600);
        // One round of at most 500 (a quiet JIT may end it after that round, never later), then a full-size rehearsal.
        assertThat(r.warmupItems()).isEqualTo(500 + 600);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("warm-up (not timed) 500 items").contains("rehearsal (not timed) 600 items")
                .contains("background merges finished"); // searches are measured after the load's merges
        // bare, pipeline, bare, pipeline, bare
        assertThat(text.indexOf("bare Lucene run 1 of 3")).isLessThan(text.indexOf("pipeline run 1 of 2"));
        assertThat(text.indexOf("pipeline run 1 of 2")).isLessThan(text.indexOf("bare Lucene run 2 of 3"));
        assertThat(text.indexOf("bare Lucene run 2 of 3")).isLessThan(text.indexOf("pipeline run 2 of 2"));
        assertThat(text.indexOf("pipeline run 2 of 2")).isLessThan(text.indexOf("bare Lucene run 3 of 3"));
        assertThat(r.pipelines()).hasSize(2).allSatisfy(p -> {
            assertThat(p.seconds()).isPositive();
            assertThat(p.cpuSeconds()).isPositive();
        });
        assertThat(r.bares()).hasSize(3).allSatisfy(b -> assertThat(b.seconds()).isPositive());
        double bareMean = r.bares().stream().mapToDouble(IngestBenchmark.TimedRun::seconds).sum() / 3;
        assertThat(r.bareSeconds()).isCloseTo(bareMean, within(1e-9));
        assertThat(r.seconds()).isCloseTo((r.pipelines().get(0).seconds() + r.pipelines().get(1).seconds()) / 2,
                within(1e-9));
        assertThat(r.ratio()).isCloseTo(r.bareSeconds() / r.seconds(), within(1e-9)).isPositive();
        assertThat(r.roundRatios()).hasSize(2);
        assertThat(r.roundRatios().get(1)).isCloseTo((r.bares().get(1).seconds() + r.bares().get(2).seconds()) / 2
                / r.pipelines().get(1).seconds(), within(1e-9));
        assertThat(r.stages()).contains("store").contains("index");
        assertThat(r.search().p50()).isPositive();
        assertThat(r.searchNoFacets().p99()).isGreaterThanOrEqualTo(r.searchNoFacets().p50());
        // The warm-up's scratch dirs are gone; the last timed runs' dirs stay for inspection, the earlier ones not.
        assertThat(work.resolve("warmup")).doesNotExist();
        assertThat(work.resolve("pipeline-1")).doesNotExist();
        assertThat(Files.isDirectory(work.resolve("pipeline-2"))).isTrue();
        assertThat(work.resolve("bare-1")).doesNotExist();
        assertThat(work.resolve("bare-2")).doesNotExist();
        assertThat(Files.isDirectory(work.resolve("bare-3"))).isTrue();
    }

    @Test
    void needsAtLeastOneTimedRound() {
        assertThatThrownBy(() -> new IngestBenchmark(10, 0, 10, 0, new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondRunInTheSameDirStartsFromEmptyStoresAndLeavesOtherFilesAlone(@TempDir Path work) throws Exception {
        IngestBenchmark first = new IngestBenchmark(300, 0, 100, 1, 1, new PrintStream(new ByteArrayOutputStream()));
        first.run(work);
        Path leftOver = Files.writeString(work.resolve("pipeline-1").resolve("left-over"), "x");
        Path olderVersions = Files.createDirectories(work.resolve("bare-after"));
        Path mine = Files.writeString(work.resolve("notes.txt"), "kept");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        IngestBenchmark.Result again = new IngestBenchmark(300, 0, 100, 1, 1,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(work);

        // Into the filled store every item would be unchanged: nothing stored or indexed, nothing measured.
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("deleting " + work.resolve("pipeline-1"))
                .contains("deleting " + work.resolve("bare-after"));
        assertThat(leftOver).doesNotExist();
        assertThat(olderVersions).doesNotExist();
        assertThat(mine).hasContent("kept");
        assertThat(again.search().p50()).isPositive();
    }
}
