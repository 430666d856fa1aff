package dev.shirase.deliver;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shirase.digest.Digest;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link Digest} with the Pebble templates under {@code templates/digest/}: e-mail subject, text
 * and HTML, Slack Block Kit and a Teams Adaptive Card. Templates are read from the company's template
 * folder when it has them and otherwise from the copies bundled in the jar (built from the same
 * top-level {@code templates/} folder).
 *
 * <p>Each format has its own engine so that its escaping is on by default: HTML for the e-mail HTML,
 * {@link SlackMrkdwnEscaping} for Slack, {@link JsonEscaping} for Teams, none for plain text.
 */
public final class DigestRenderer {
    /**
     * Teams rejects messages over 28 KB; the whole webhook payload (UTF-8 bytes) is kept under 27,000 so the
     * envelope Teams adds around the card still fits.
     */
    public static final int MAX_TEAMS_BYTES = 27_000;

    static final String SUBJECT = "digest/subject.txt.peb";
    static final String TEXT = "digest/email.txt.peb";
    static final String HTML = "digest/email.html.peb";
    static final String SLACK = "digest/slack.json.peb";
    static final String TEAMS = "digest/teams.json.peb";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> templateDir;
    private final PebbleEngine text;
    private final PebbleEngine html;
    private final PebbleEngine slack;
    private final PebbleEngine teams;

    private DigestRenderer(Optional<Path> templateDir) {
        this.templateDir = templateDir;
        this.text = new PebbleEngine.Builder().loader(loader(templateDir)).autoEscaping(false)
                .newLineTrimming(false).build();
        this.html = new PebbleEngine.Builder().loader(loader(templateDir)).autoEscaping(true)
                .defaultEscapingStrategy("html").build();
        this.slack = new PebbleEngine.Builder().loader(loader(templateDir)).autoEscaping(true)
                .addEscapingStrategy(SlackMrkdwnEscaping.NAME, new SlackMrkdwnEscaping())
                .defaultEscapingStrategy(SlackMrkdwnEscaping.NAME).build();
        this.teams = new PebbleEngine.Builder().loader(loader(templateDir)).autoEscaping(true)
                .addEscapingStrategy(JsonEscaping.NAME, new JsonEscaping())
                .defaultEscapingStrategy(JsonEscaping.NAME).build();
    }

    /** Only the templates bundled in the jar. */
    public static DigestRenderer bundled() {
        return new DigestRenderer(Optional.empty());
    }

    /**
     * Templates from {@code templateDir} (e.g. {@code ./templates}) where present, the bundled copies
     * otherwise. A missing folder is not an error: the bundled templates are used.
     */
    public static DigestRenderer withTemplates(Path templateDir) {
        return new DigestRenderer(Files.isDirectory(templateDir) ? Optional.of(templateDir) : Optional.empty());
    }

    private static Loader<?> loader(Optional<Path> dir) {
        List<Loader<?>> loaders = new ArrayList<>();
        if (dir.isPresent()) {
            FileLoader file = new FileLoader();
            file.setPrefix(dir.get().toAbsolutePath().toString());
            file.setCharset("UTF-8");
            loaders.add(file);
        }
        ClasspathLoader cp = new ClasspathLoader(DigestRenderer.class.getClassLoader());
        cp.setPrefix("templates");
        cp.setCharset("UTF-8");
        loaders.add(cp);
        return new DelegatingLoader(loaders);
    }

    /** Renders every format; the Teams card is shortened (with a link to the archive) to fit 28 KB. */
    public RenderedMessage render(Digest digest) {
        Map<String, String> t = TemplateMessages.load(templateDir, digest.locale());
        Map<String, Object> all = DigestView.of(digest, t, Integer.MAX_VALUE);
        String subject = evaluate(text, SUBJECT, all, digest.locale()).strip().replaceAll("\\s+", " ");
        all.put("subject", subject);
        String plain = evaluate(text, TEXT, all, digest.locale());
        String htmlBody = evaluate(html, HTML, all, digest.locale());
        List<String> slackMessages = SlackMessageSplitter.split(evaluate(slack, SLACK, all, digest.locale()), subject);
        String card = teamsCard(digest, t, subject);
        return new RenderedMessage(digest.key(), digest.kind(), subject, plain, htmlBody, slackMessages, card);
    }

    private String teamsCard(Digest digest, Map<String, String> t, String subject) {
        int total = digest.entryCount();
        String full = teamsCard(digest, t, subject, Integer.MAX_VALUE);
        if (bytes(full) <= MAX_TEAMS_BYTES) {
            return full;
        }
        // Largest number of entries that still fits. The size grows about linearly with the entries, so
        // start from the proportional guess and step from there (usually two or three renders, not a search).
        String empty = teamsCard(digest, t, subject, 0);
        if (bytes(empty) > MAX_TEAMS_BYTES) {
            throw new RenderException("Teams card for " + digest.key() + " exceeds " + MAX_TEAMS_BYTES
                    + " bytes even without entries");
        }
        double perEntry = (double) (bytes(full) - bytes(empty)) / Math.max(1, total);
        int n = (int) Math.min(total - 1, Math.max(0, Math.floor((MAX_TEAMS_BYTES - bytes(empty)) / perEntry)));
        String card = teamsCard(digest, t, subject, n);
        while (bytes(card) > MAX_TEAMS_BYTES && n > 0) {
            n--;
            card = teamsCard(digest, t, subject, n);
        }
        while (n + 1 < total) {
            String bigger = teamsCard(digest, t, subject, n + 1);
            if (bytes(bigger) > MAX_TEAMS_BYTES) {
                break;
            }
            n++;
            card = bigger;
        }
        return card;
    }

    private String teamsCard(Digest digest, Map<String, String> t, String subject, int limit) {
        Map<String, Object> view = DigestView.of(digest, t, limit);
        view.put("subject", subject);
        String card = evaluate(teams, TEAMS, view, digest.locale());
        try {
            // validate and compact: whitespace from the template costs bytes of the 28 KB budget
            return JSON.writeValueAsString(JSON.readTree(card));
        } catch (IOException e) {
            throw new RenderException("Teams template did not produce valid JSON: " + e.getMessage(), e);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String evaluate(PebbleEngine engine, String name, Map<String, Object> view, Locale locale) {
        try {
            StringWriter out = new StringWriter();
            engine.getTemplate(name).evaluate(out, view, locale);
            return out.toString();
        } catch (PebbleException | IOException e) {
            throw new RenderException("cannot render template " + name + ": " + e.getMessage(), e);
        }
    }
}
