package dev.shirase.cli;

import dev.shirase.app.Services;
import dev.shirase.ingest.IngestResult;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedSource;
import dev.shirase.source.FeedType;
import dev.shirase.source.ParsedFeed;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import}: load a downloaded feed file, for sites without internet access or for history. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load a downloaded feed file into the archive, e.g. a yearly JVN iPedia file",
                "(https://jvndb.jvn.jp/ja/rss/years/jvndb_2025.rdf) on a machine without internet access."})
public final class ImportCommand implements Callable<Integer> {
    private static final int CHUNK = 1_000;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the feed file to load")
    Path file;

    @Option(names = "--type", required = true, paramLabel = "TYPE",
            description = "its format: ipa-alert, jpcert, jvn, jvndb, myjvn-alert, myjvn-vuln, icat, jc3, kev, epss, rss")
    String type;

    @Option(names = "--source", paramLabel = "ID", description = "source id to file it under (default: the type)")
    String sourceId;

    @Override
    public Integer call() throws IOException {
        FeedType feedType = FeedType.fromKey(type).orElseThrow(() -> new UserError("unknown --type \"" + type
                + "\" (expected one of " + Arrays.stream(FeedType.values()).map(FeedType::key)
                .collect(Collectors.joining(", ")) + ")"));
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        String id = sourceId == null ? feedType.key() : sourceId;
        try (Services services = Services.open(GlobalOptions.of(spec).load(), System.err::println)) {
            FeedSource source = new FeedSource(id, feedType, file.toAbsolutePath().toUri(), null, true);
            System.err.printf("import: reading %s (%,d bytes) as %s%n", file, Files.size(file), feedType.key());
            ParsedFeed feed;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                feed = services.parsers().forType(feedType).parse(in, "", source);
            } catch (FeedParseException e) {
                throw new UserError("cannot import " + file + ": " + e.getMessage());
            }
            System.err.printf("import: parsed %,d items%n", feed.itemCount());
            IngestResult total = ingestInChunks(services, feed);
            System.out.printf("imported %s: %d new, %d updated, %d unchanged, %d enrichment rows%n", file,
                    total.added(), total.updated(), total.unchanged(), total.enrichmentRows());
            return 0;
        }
    }

    private static IngestResult ingestInChunks(Services services, ParsedFeed feed) {
        List<dev.shirase.advisory.Advisory> all = feed.advisories();
        IngestResult total = services.ingestor().ingest(
                new ParsedFeed(List.of(), feed.kev(), feed.epss(), 0), services.clock().instant());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<dev.shirase.advisory.Advisory> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            total = total.plus(services.ingestor().ingest(ParsedFeed.ofAdvisories(chunk), services.clock().instant()));
            System.err.printf("import: %,d/%,d advisories%n", from + chunk.size(), all.size());
        }
        return total;
    }
}
