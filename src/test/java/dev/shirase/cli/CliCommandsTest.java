package dev.shirase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.ingest.FeedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands around the pipeline: demo, import, --help everywhere, global options, configuration errors. */
class CliCommandsTest {
    private static final List<String> DEMO_SOURCES = List.of("ipa-alert", "jpcert", "jvn", "jvndb", "myjvn-alert",
            "icat", "jc3", "cisa-kev", "epss");

    @TempDir
    Path dir;

    @Test
    void demoIngestsEverySampleThenFindsNothingModified() {
        Cli cli = new Cli(dir); // no feeds.yaml: the demo needs none
        Cli.Run first = cli.run("demo", "--no-serve");
        assertThat(first.exit()).as(first.toString()).isZero();
        for (String id : DEMO_SOURCES) {
            assertThat(first.out()).as(id).containsPattern("(?m)^" + id + " +ok: \\d+ new, 0 updated");
        }
        assertThat(first.out()).containsPattern("(?m)^jvndb +ok: 12 new, 0 updated, 0 unchanged$")
                .containsPattern("(?m)^archive: \\d+ advisories, \\d+ indexed$")
                .contains("search \"認証\": ");
        cli.feeds("sources: []\n");
        Cli.Run status = cli.run("status", "--json");
        int advisories = status.json().get("advisories").asInt();
        assertThat(first.out()).contains("archive: " + advisories + " advisories, " + advisories + " indexed");
        assertThat(advisories).isGreaterThan(80);

        Cli.Run second = cli.run("demo", "--no-serve");
        assertThat(second.exit()).as(second.toString()).isZero();
        for (String id : DEMO_SOURCES) {
            assertThat(second.out()).as(id).containsPattern("(?m)^" + id + " +not modified$");
        }
        assertThat(second.out()).contains("archive: " + advisories + " advisories, " + advisories + " indexed");
    }

    @Test
    void importLoadsAFileWithProgressOnStderr() throws IOException {
        Path file = dir.resolve("jvndb_2026.rdf");
        Files.write(file, FeedServer.fixture("jvndb-new-rss-sample.rdf"));
        Cli cli = new Cli(dir).feeds("sources: []\n");

        Cli.Run run = cli.run("import", file.toString(), "--type", "jvndb");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("import: reading " + file + " (22,049 bytes) as jvndb")
                .contains("import: parsed 12 items")
                .contains("import: 12/12 advisories");
        assertThat(run.out().trim())
                .isEqualTo("imported " + file + ": 12 new, 0 updated, 0 unchanged, 0 enrichment rows");

        Cli.Run search = cli.run("search", "JVNDB-2026-037242", "--json");
        assertThat(search.json().get("total").asInt()).isEqualTo(1);
        assertThat(search.json().get("hits").get(0).get("source").asText()).isEqualTo("jvndb");

        Cli.Run again = cli.run("import", file.toString(), "--type", "jvndb", "--source", "jvndb");
        assertThat(again.out().trim())
                .isEqualTo("imported " + file + ": 0 new, 0 updated, 12 unchanged, 0 enrichment rows");
    }

    @Test
    void importRejectsUnknownTypesMissingFilesAndUnreadableOnes() throws IOException {
        Cli cli = new Cli(dir).feeds("sources: []\n");
        Path file = dir.resolve("x.rdf");
        Files.write(file, FeedServer.fixture("jvndb-new-rss-sample.rdf"));

        Cli.Run type = cli.run("import", file.toString(), "--type", "jvndbx");
        assertThat(type.exit()).isEqualTo(2);
        assertThat(type.err()).startsWith("shirase: unknown --type \"jvndbx\" (expected one of ").contains("jvndb");

        Cli.Run missing = cli.run("import", dir.resolve("nope.rdf").toString(), "--type", "jvndb");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo("shirase: no such file: " + dir.resolve("nope.rdf"));

        Path html = dir.resolve("page.rdf");
        Files.writeString(html, "<html><body>not a feed</body></html>");
        Cli.Run unreadable = cli.run("import", html.toString(), "--type", "jvndb");
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("\nshirase: cannot import " + html + ": jvndb: got an HTML page");
    }

    @Test
    void everyCommandHasHelp() {
        List<String[]> paths = new ArrayList<>();
        collect(RootCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths.stream().map(p -> String.join(" ", p)).toList())
                .contains("fetch", "search", "status", "reindex", "backfill", "import", "demo");
        for (String[] path : paths) {
            List<String> args = new ArrayList<>(List.of(path));
            args.add("--help");
            Cli.Run run = Cli.raw(args.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args) + "\n" + run).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage: shirase " + String.join(" ", path));
        }
        Cli.Run root = Cli.raw("--help");
        assertThat(root.exit()).isZero();
        assertThat(root.out()).contains("Usage: shirase").contains("--data");
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path.toArray(String[]::new));
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() throws IOException {
        Path file = dir.resolve("f.rdf");
        Files.write(file, FeedServer.fixture("jvndb-new-rss-sample.rdf"));
        Cli cli = new Cli(dir).feeds("sources: []\n");
        String data = dir.resolve("data").toString();
        String config = dir.resolve("shirase.yaml").toString();
        assertThat(Cli.raw("--data", data, "--config", config, "import", file.toString(), "--type", "jvndb").exit())
                .isZero();
        Cli.Run after = Cli.raw("search", "Chrome", "--json", "--data", data, "--config", config);
        assertThat(after.json().get("total").asInt()).isEqualTo(2);
        Cli.Run before = Cli.raw("--config", config, "--data", data, "search", "Chrome", "--json");
        assertThat(before.json().get("total").asInt()).isEqualTo(2);
        Cli.Run elsewhere = Cli.raw("search", "Chrome", "--json", "--config", config,
                "--data", dir.resolve("other").toString());
        assertThat(elsewhere.json().get("total").asInt()).isZero();
        assertThat(cli.dir()).isEqualTo(dir);
    }

    @Test
    void aBadFeedsFileFailsWithFileLineAndKey() {
        Cli cli = new Cli(dir).feeds("""
                sources:
                  - id: jvndb
                    type: jvndb
                    url: https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf
                    intervall: 30m
                """);
        Cli.Run run = cli.run("fetch");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().trim()).startsWith("shirase: " + dir.resolve("feeds.yaml") + ":5: sources[0].intervall: ")
                .contains("unknown key");
        assertThat(run.out()).isEmpty();

        cli.feeds("""
                sources:
                  - id: jvndb
                    type: rsss
                    url: https://jvndb.jvn.jp/ja/rss/jvndb_new.rdf
                """);
        Cli.Run type = cli.run("status");
        assertThat(type.exit()).isEqualTo(2);
        assertThat(type.err()).contains("feeds.yaml:3: sources[0].type: ").contains("unknown type \"rsss\"");

        cli.feeds("""
                sources:
                  - id: jvndb
                    type: jvndb
                    url: ftp://example.org/feed.rdf
                """);
        Cli.Run url = cli.run("fetch", "--json");
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).contains("feeds.yaml:4: sources[0].url: ");
    }
}
