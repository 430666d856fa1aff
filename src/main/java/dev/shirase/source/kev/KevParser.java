package dev.shirase.source.kev;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.shirase.advisory.KevEntry;
import dev.shirase.source.FeedParseException;
import dev.shirase.source.FeedParser;
import dev.shirase.source.FeedSource;
import dev.shirase.source.ParsedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.shirase.source.FeedType#KEV}: the CISA Known Exploited Vulnerabilities catalogue, streamed into
 * {@link ParsedFeed#kev()}. Entries without a usable CVE id or dates are skipped and counted; more than
 * {@link #MAX_MALFORMED_FRACTION} of them, or any structural fault, fails the whole document.
 */
public final class KevParser implements FeedParser {

    /** Above this share of unusable entries the catalogue is treated as broken rather than merely untidy. */
    static final double MAX_MALFORMED_FRACTION = 0.02;

    private static final Logger LOG = LoggerFactory.getLogger(KevParser.class);

    @Override
    public ParsedFeed parse(InputStream body, String contentType, FeedSource source) throws FeedParseException {
        String id = source.id();
        List<KevEntry> entries = new ArrayList<>(1600);
        List<String> malformed = new ArrayList<>();
        KevCatalogReader.Header header;
        try {
            header = KevCatalogReader.read(body, r -> {
                Optional<KevEntry> entry = KevEntryAdapter.toEntry(r);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                } else {
                    malformed.add(r.cveId().isBlank() ? "(no cveID)" : r.cveId());
                }
            });
        } catch (KevFormatException e) {
            throw new FeedParseException(id + ": not a KEV catalogue: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            // Jackson reports a cut-off document either as JsonEOFException or as "Unexpected end-of-input".
            boolean truncated = e instanceof JsonEOFException
                    || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
            throw new FeedParseException(id + (truncated ? ": truncated KEV JSON (" : ": not valid JSON (")
                    + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new FeedParseException(id + ": could not read the KEV body: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FeedParseException(id + ": unreadable KEV catalogue (" + e + ")", e);
        }
        if (!header.sawVulnerabilities()) {
            throw new FeedParseException(id + ": not a KEV catalogue: no \"vulnerabilities\" array");
        }
        int total = entries.size() + malformed.size();
        if (total == 0) {
            // CISA has never published an empty catalogue; an empty one is a broken publication, not "all clear".
            throw new FeedParseException(id + ": the KEV catalogue lists no vulnerabilities");
        }
        if (!malformed.isEmpty()) {
            LOG.warn("{}: skipped {} of {} KEV entries without a usable cveID/dateAdded/dueDate: {}", id,
                    malformed.size(), total, malformed.size() > 20 ? malformed.subList(0, 20) + "…" : malformed);
            if (malformed.size() > total * MAX_MALFORMED_FRACTION) {
                throw new FeedParseException(id + ": " + malformed.size() + " of " + total
                        + " KEV entries lack a usable cveID/dateAdded/dueDate");
            }
        }
        header.count().ifPresent(count -> {
            if (count != total) {
                LOG.warn("{}: KEV header says count {} but the catalogue holds {} entries", id, count, total);
            }
        });
        return new ParsedFeed(List.of(), entries, List.of(), entries.size());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
