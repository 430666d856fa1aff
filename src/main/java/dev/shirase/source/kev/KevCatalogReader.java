package dev.shirase.source.kev;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Streams the CISA KEV catalogue JSON (1.3 MB, 1,400+ entries) with Jackson's token parser, handing each
 * {@code vulnerabilities[]} object on as a {@link KevRecord}. Unknown keys (top-level or per entry) are skipped.
 */
final class KevCatalogReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** What the catalogue's header said; {@code count} may be absent. */
    record Header(OptionalInt count, boolean sawVulnerabilities) {
    }

    private KevCatalogReader() {
    }

    /**
     * @throws IOException for unreadable or non-JSON input (Jackson's {@code JsonProcessingException} included),
     *                     or a document that is not a KEV catalogue object
     */
    static Header read(InputStream body, Consumer<KevRecord> sink) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new KevFormatException("empty body");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new KevFormatException("expected a JSON object, got " + first);
            }
            OptionalInt count = OptionalInt.empty();
            boolean sawVulnerabilities = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("vulnerabilities".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new KevFormatException("\"vulnerabilities\" is not an array");
                    }
                    sawVulnerabilities = true;
                    readEntries(p, sink);
                } else if ("count".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    count = OptionalInt.of(p.getIntValue());
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new KevFormatException("malformed top-level object");
            }
            if (p.nextToken() != null) {
                throw new KevFormatException("trailing content after the catalogue object");
            }
            return new Header(count, sawVulnerabilities);
        }
    }

    private static void readEntries(JsonParser p, Consumer<KevRecord> sink) throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new KevFormatException("unexpected end of input inside \"vulnerabilities\"");
            }
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                sink.accept(new KevRecord("", "", "", "", "", "", "", "")); // counted as malformed downstream
                continue;
            }
            sink.accept(readEntry(p));
        }
    }

    private static KevRecord readEntry(JsonParser p) throws IOException {
        String cve = "";
        String vendor = "";
        String product = "";
        String name = "";
        String added = "";
        String due = "";
        String ransomware = "";
        String action = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!value.isScalarValue()) {
                p.skipChildren(); // cwes[] and any future nested structure
                continue;
            }
            String text = value == JsonToken.VALUE_NULL ? "" : p.getText();
            switch (field) {
                case "cveID" -> cve = text;
                case "vendorProject" -> vendor = text;
                case "product" -> product = text;
                case "vulnerabilityName" -> name = text;
                case "dateAdded" -> added = text;
                case "dueDate" -> due = text;
                case "knownRansomwareCampaignUse" -> ransomware = text;
                case "requiredAction" -> action = text;
                default -> {
                    // unknown or unused key: ignore
                }
            }
        }
        return new KevRecord(cve, vendor, product, name, added, due, ransomware, action);
    }
}
