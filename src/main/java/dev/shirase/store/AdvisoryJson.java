package dev.shirase.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.advisory.AffectedProduct;
import dev.shirase.advisory.Advisory;
import dev.shirase.advisory.Category;
import dev.shirase.advisory.Cvss;
import dev.shirase.advisory.Identifier;
import dev.shirase.advisory.IdentifierType;
import dev.shirase.advisory.Reference;
import dev.shirase.advisory.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stored JSON form of an advisory's parsed content, written field by field (the model uses Optional, and the
 * jdk8 Jackson module is not on the classpath). Source, revision and enrichment are not part of it: they live in
 * columns or are attached on read, so the SHA-256 of this text is the content hash. Identifiers are written sorted
 * so that equal advisories always give equal text; dates keep their offset ({@code +09:00}) exactly.
 */
final class AdvisoryJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final int FORMAT = 1;

    private AdvisoryJson() {
    }

    /** The JSON text and its content hash, from one serialisation. */
    record Encoded(String json, String hash) {
    }

    /**
     * The JSON text and the SHA-256 of its UTF-8 bytes. Written as characters: the text is stored as a string, and
     * encoding it once for the hash is cheaper than writing UTF-8 and decoding that. Hashes have always been made from
     * Jackson's UTF-8 writer, which escapes characters outside the BMP ({@code 𠮷} as {@code \ud842\udfb7}) where the
     * character writer keeps them: text with such characters takes the UTF-8 way, so that no stored hash changes
     * (see {@code AdvisoryJsonTest}).
     */
    static Encoded encode(Advisory a) {
        String json = write(a);
        if (hasSurrogates(json)) {
            byte[] utf8 = writeUtf8(a);
            return new Encoded(new String(utf8, StandardCharsets.UTF_8), hash(utf8));
        }
        return new Encoded(json, hash(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] writeUtf8(Advisory a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 3 * a.summary().length());
        writeWith(a, () -> FACTORY.createGenerator(out, JsonEncoding.UTF8));
        return out.toByteArray();
    }

    static String write(Advisory a) {
        StringWriter out = new StringWriter(512 + a.title().length() + a.summary().length());
        writeWith(a, () -> FACTORY.createGenerator(out));
        return out.toString();
    }

    /** Opens a generator on the caller's output. */
    @FunctionalInterface
    private interface GeneratorOpener {
        JsonGenerator open() throws IOException;
    }

    private static void writeWith(Advisory a, GeneratorOpener opener) {
        try (JsonGenerator g = opener.open()) {
            writeFields(g, a);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write advisory " + a.id() + " as JSON", e);
        }
    }

    /** The one JSON object of an advisory's content, in a fixed field order. */
    static void writeFields(JsonGenerator g, Advisory a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("v", FORMAT);
        g.writeStringField("id", a.id());
        g.writeStringField("url", a.url());
        g.writeStringField("title", a.title());
        g.writeStringField("summary", a.summary());
        g.writeStringField("published", a.published().toString());
        g.writeStringField("modified", a.modified().toString());
        g.writeStringField("category", a.category().name());
        g.writeArrayFieldStart("identifiers");
        for (Identifier id : new TreeSet<>(a.identifiers())) {
            g.writeStartObject();
            g.writeStringField("type", id.type().name());
            g.writeStringField("value", id.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("cvss");
        for (Cvss c : a.cvss()) {
            g.writeStartObject();
            g.writeStringField("version", c.version());
            g.writeNumberField("score", c.score());
            g.writeStringField("severity", c.severity().name());
            g.writeStringField("vector", c.vector());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("products");
        for (AffectedProduct p : a.products()) {
            g.writeStartObject();
            if (p.cpe().isPresent()) {
                g.writeStringField("cpe", p.cpe().get());
            }
            g.writeStringField("vendor", p.vendor());
            g.writeStringField("product", p.product());
            if (p.versionText().isPresent()) {
                g.writeStringField("versionText", p.versionText().get());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("references");
        for (Reference r : a.references()) {
            g.writeStartObject();
            g.writeStringField("source", r.source());
            g.writeStringField("id", r.id());
            g.writeStringField("title", r.title());
            g.writeStringField("url", r.url());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Rebuilds the advisory; enrichment is empty (attached by the repository). */
    static Advisory read(String json, String source, int revision) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new StoreException("stored advisory JSON is unreadable: " + e.getMessage(), e);
        }
        Set<Identifier> identifiers = new LinkedHashSet<>();
        for (JsonNode i : n.path("identifiers")) {
            identifiers.add(Identifier.of(IdentifierType.valueOf(i.path("type").asText()), i.path("value").asText()));
        }
        List<Cvss> cvss = new ArrayList<>();
        for (JsonNode c : n.path("cvss")) {
            cvss.add(new Cvss(c.path("version").asText(), c.path("score").asDouble(),
                    Severity.valueOf(c.path("severity").asText()), c.path("vector").asText()));
        }
        List<AffectedProduct> products = new ArrayList<>();
        for (JsonNode p : n.path("products")) {
            products.add(new AffectedProduct(optionalText(p, "cpe"), p.path("vendor").asText(),
                    p.path("product").asText(), optionalText(p, "versionText")));
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode r : n.path("references")) {
            references.add(new Reference(r.path("source").asText(), r.path("id").asText(),
                    r.path("title").asText(), r.path("url").asText()));
        }
        return new Advisory(n.path("id").asText(), source, n.path("url").asText(), n.path("title").asText(),
                n.path("summary").asText(), OffsetDateTime.parse(n.path("published").asText()),
                OffsetDateTime.parse(n.path("modified").asText()), Category.valueOf(n.path("category").asText()),
                identifiers, cvss, products, references, Optional.empty(), Optional.empty(), revision);
    }

    /** Hex SHA-256 of the UTF-8 JSON: the content hash compared on every upsert. */
    static String hash(byte[] utf8Json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(utf8Json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
