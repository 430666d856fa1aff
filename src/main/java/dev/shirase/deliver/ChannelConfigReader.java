package dev.shirase.deliver;

import dev.shirase.config.ConfigException;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.YamlNode;
import dev.shirase.deliver.email.EmailSettings;
import dev.shirase.deliver.email.SmtpSecurity;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.deliver.slack.SlackSettings;
import dev.shirase.deliver.teams.TeamsSettings;
import dev.shirase.digest.Audience;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code channels:} list of shirase.yaml into {@link ChannelConfig}s. Every problem is a
 * {@link ConfigException} with file, line and key; {@code ${NAME}} is resolved from the environment and a
 * missing variable names the channel that needs it. No channel configured means the default file channel.
 * Secret values never appear in messages: errors name the key, not the value.
 */
public final class ChannelConfigReader {
    private static final Set<String> COMMON = Set.of("name", "type", "audience", "locale");
    private static final Set<String> EMAIL = union(COMMON, Set.of("smtp", "from", "to"));
    private static final Set<String> SMTP = Set.of("host", "port", "security", "username", "password");
    private static final Set<String> SLACK = union(COMMON, Set.of("token", "channel", "webhook", "api-url"));
    private static final Set<String> TEAMS = union(COMMON, Set.of("webhook"));
    private static final Set<String> FILE = union(COMMON, Set.of("dir"));

    private final EnvironmentResolver env;
    private final Path dataDir;
    private final Locale defaultLocale;

    /**
     * @param dataDir       where the file channel writes ({@code dataDir/outbox}) unless a {@code dir} is given
     * @param defaultLocale the locale of shirase.yaml, used by channels without their own {@code locale}
     */
    public ChannelConfigReader(EnvironmentResolver env, Path dataDir, Locale defaultLocale) {
        this.env = env;
        this.dataDir = dataDir;
        this.defaultLocale = defaultLocale;
    }

    /** All channels, in file order; the default file channel when the list is empty. */
    public List<ChannelConfig> read(List<YamlNode> nodes) {
        if (nodes.isEmpty()) {
            ChannelConfig d = Channels.defaultFileConfig(dataDir);
            return List.of(new ChannelConfig(d.name(), d.audience(), defaultLocale, d.settings()));
        }
        List<ChannelConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : nodes) {
            ChannelConfig config = readOne(node);
            if (!names.add(config.name())) {
                throw node.require("name").error("duplicate channel name \"" + config.name() + "\"");
            }
            out.add(config);
        }
        return List.copyOf(out);
    }

    private ChannelConfig readOne(YamlNode node) {
        if (!node.isMapping()) {
            throw node.error("expected a channel (name, type, audience, ...)");
        }
        YamlNode nameNode = node.require("name");
        String name = nameNode.asText().strip();
        if (name.isEmpty() || name.length() > 100 || !name.matches("[A-Za-z0-9._-]+")) {
            throw nameNode.error("channel name must be 1..100 characters of letters, digits, '.', '_' or '-'");
        }
        YamlNode typeNode = node.require("type");
        ChannelType type;
        try {
            type = ChannelType.parse(typeNode.asText());
        } catch (IllegalArgumentException e) {
            throw typeNode.error(e.getMessage());
        }
        node.requireOnlyKeys(switch (type) {
            case EMAIL -> EMAIL;
            case SLACK -> SLACK;
            case TEAMS -> TEAMS;
            case FILE -> FILE;
        });
        Audience audience = node.get("audience").map(a -> {
            try {
                return Audience.parse(a.asText());
            } catch (IllegalArgumentException e) {
                throw a.error(e.getMessage());
            }
        }).orElse(Audience.ADMINS);
        Locale locale = node.get("locale").map(l -> {
            String tag = l.asText().trim().toLowerCase(Locale.ROOT);
            if (!tag.equals("ja") && !tag.equals("en")) {
                throw l.error("locale must be ja or en");
            }
            return Locale.forLanguageTag(tag);
        }).orElse(defaultLocale);
        try {
            ChannelSettings settings = switch (type) {
                case EMAIL -> email(node);
                case SLACK -> slack(node);
                case TEAMS -> teams(node);
                case FILE -> new FileSettings(node.get("dir").map(d -> dataDir.resolve(d.asText()))
                        .orElse(dataDir.resolve("outbox")));
            };
            return new ChannelConfig(name, audience, locale, settings);
        } catch (ConfigException e) {
            if (e.getMessage().contains("environment variable")) {
                String problem = e.getMessage().substring(e.getMessage().lastIndexOf(": ") + 2);
                throw new ConfigException(e.file(), e.line(), e.key(), "channel " + name + ": " + problem);
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw node.error("channel " + name + ": " + e.getMessage());
        }
    }

    private EmailSettings email(YamlNode node) {
        YamlNode smtp = node.require("smtp").requireOnlyKeys(SMTP);
        YamlNode portNode = smtp.get("port").orElse(null);
        SmtpSecurity security = smtp.get("security").map(s -> {
            try {
                return SmtpSecurity.parse(s.asText());
            } catch (IllegalArgumentException e) {
                throw s.error(e.getMessage());
            }
        }).orElse(SmtpSecurity.STARTTLS);
        int port = portNode == null ? defaultPort(security) : portNode.asInt();
        if (port <= 0 || port > 65535) {
            throw portNode.error("port must be 1..65535");
        }
        YamlNode toNode = node.require("to");
        List<String> to = toNode.asTextList().stream().map(t -> env.resolve(t, toNode).strip())
                .filter(t -> !t.isEmpty()).toList();
        if (to.isEmpty()) {
            throw toNode.error("at least one recipient is required");
        }
        return new EmailSettings(text(smtp.require("host")), port, security,
                smtp.get("username").map(this::text), smtp.get("password").map(this::text),
                text(node.require("from")), to);
    }

    private static int defaultPort(SmtpSecurity security) {
        return switch (security) {
            case SSL -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }

    private SlackSettings slack(YamlNode node) {
        Optional<String> token = node.get("token").map(this::text);
        Optional<String> webhook = node.get("webhook").map(this::text);
        if (token.isPresent() == webhook.isPresent()) {
            throw node.error("a slack channel needs either token (with channel) or webhook, not both or neither");
        }
        if (token.isPresent() && node.get("channel").isEmpty()) {
            throw new ConfigException(node.file(), node.line(), node.path() + ".channel",
                    "a slack token needs the channel id to post to");
        }
        webhook.ifPresent(w -> requireHttp(node.require("webhook"), w));
        Optional<String> apiUrl = node.get("api-url").map(this::text);
        apiUrl.ifPresent(u -> requireHttp(node.require("api-url"), u));
        return new SlackSettings(token, node.get("channel").map(this::text), webhook, apiUrl);
    }

    private TeamsSettings teams(YamlNode node) {
        YamlNode w = node.require("webhook");
        String url = text(w);
        requireHttp(w, url);
        return new TeamsSettings(url);
    }

    private static void requireHttp(YamlNode where, String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw where.error("must be an http(s) URL");
        }
    }

    private String text(YamlNode node) {
        return node.asText(env).strip();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
