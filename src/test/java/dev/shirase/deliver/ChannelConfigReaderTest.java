package dev.shirase.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shirase.config.ConfigException;
import dev.shirase.config.EnvironmentResolver;
import dev.shirase.config.ShiraseConfig;
import dev.shirase.deliver.email.EmailSettings;
import dev.shirase.deliver.email.SmtpSecurity;
import dev.shirase.deliver.file.FileSettings;
import dev.shirase.deliver.slack.SlackSettings;
import dev.shirase.deliver.teams.TeamsSettings;
import dev.shirase.digest.Audience;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** channels: in shirase.yaml, exactly as the issue shows it; errors with file, line and key. */
class ChannelConfigReaderTest {
    private static final Map<String, String> ENV = Map.of("SMTP_PASSWORD", "s3cret-pw",
            "SLACK_BOT_TOKEN", "xoxb-secret-token", "TEAMS_WEBHOOK_URL", "https://example.webhook.office.com/secret");

    @TempDir
    Path dir;

    private List<ChannelConfig> read(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("shirase.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        EnvironmentResolver resolver = new EnvironmentResolver(env);
        ShiraseConfig config = ShiraseConfig.load(file, true, resolver);
        return new ChannelConfigReader(resolver, config.dataDir(), config.locale()).read(config.channels());
    }

    private static final String EXAMPLE = """
            locale: ja
            channels:
              - name: it-mail
                type: email
                audience: admins
                smtp: {host: smtp.example.jp, port: 587, security: starttls, username: bot@example.jp, password: "${SMTP_PASSWORD}"}
                from: "Shirase <bot@example.jp>"
                to: [it@example.jp, sec@example.jp]
              - name: staff-slack
                type: slack
                audience: staff
                token: "${SLACK_BOT_TOKEN}"
                channel: C0123456
                api-url: https://slack.com/api/
              - name: staff-teams
                type: teams
                audience: staff
                locale: en
                webhook: "${TEAMS_WEBHOOK_URL}"
              - name: archive
                type: file
            """;

    @Test
    void readsTheIssueExample() throws Exception {
        List<ChannelConfig> channels = read(EXAMPLE, ENV);
        assertThat(channels).extracting(ChannelConfig::name).containsExactly("it-mail", "staff-slack", "staff-teams", "archive");
        assertThat(channels).extracting(ChannelConfig::audience)
                .containsExactly(Audience.ADMINS, Audience.STAFF, Audience.STAFF, Audience.ADMINS);
        EmailSettings mail = (EmailSettings) channels.get(0).settings();
        assertThat(mail).isEqualTo(new EmailSettings("smtp.example.jp", 587, SmtpSecurity.STARTTLS,
                Optional.of("bot@example.jp"), Optional.of("s3cret-pw"), "Shirase <bot@example.jp>",
                List.of("it@example.jp", "sec@example.jp")));
        assertThat(channels.get(1).settings()).isEqualTo(SlackSettings.bot("xoxb-secret-token", "C0123456", "https://slack.com/api/"));
        assertThat(channels.get(2).settings()).isEqualTo(new TeamsSettings("https://example.webhook.office.com/secret"));
        assertThat(channels.get(2).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(channels.get(0).locale().getLanguage()).isEqualTo("ja");
        assertThat(channels.get(3).settings()).isEqualTo(new FileSettings(dir.resolve("data").resolve("outbox")));
        // Secrets never printed.
        assertThat(channels.toString()).doesNotContain("s3cret-pw", "xoxb-secret-token", "secret");
    }

    @Test
    void slackWebhook() throws Exception {
        List<ChannelConfig> channels = read("channels:\n  - name: hook\n    type: slack\n    webhook: \"${HOOK}\"\n",
                Map.of("HOOK", "https://hooks.slack.com/services/T/B/X"));
        assertThat(channels.get(0).settings()).isEqualTo(SlackSettings.webhook("https://hooks.slack.com/services/T/B/X"));
    }

    @Test
    void noChannelsMeansTheDefaultFileChannel() throws Exception {
        List<ChannelConfig> channels = read("locale: en\n", Map.of());
        assertThat(channels).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("file");
            assertThat(c.audience()).isEqualTo(Audience.ADMINS);
            assertThat(c.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(c.settings()).isEqualTo(new FileSettings(dir.resolve("data").resolve("outbox")));
        });
    }

    @Test
    void missingEnvironmentVariableNamesTheChannel() {
        assertThatThrownBy(() -> read(EXAMPLE, Map.of("SMTP_PASSWORD", "x", "TEAMS_WEBHOOK_URL", "https://t.example/")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("shirase.yaml") + ":12: channels[1].token: channel staff-slack: "
                        + "environment variable SLACK_BOT_TOKEN is not set");
    }

    @Test
    void unknownKeyFailsWithFileLineAndKey() {
        assertThatThrownBy(() -> read("channels:\n  - name: a\n    type: teams\n    webhook: https://x.example/\n"
                + "    tokn: abc\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.line()).isEqualTo(5);
                    assertThat(c.key()).isEqualTo("channels[0].tokn");
                    assertThat(c.getMessage()).contains("unknown key");
                });
    }

    @Test
    void unknownTypeAudienceAndSecurityFail() {
        assertThatThrownBy(() -> read("channels:\n  - name: a\n    type: fax\n", Map.of()))
                .hasMessageContaining(":3: channels[0].type: unknown channel type 'fax'");
        assertThatThrownBy(() -> read("channels:\n  - name: a\n    type: file\n    audience: everyone\n", Map.of()))
                .hasMessageContaining(":4: channels[0].audience: unknown audience 'everyone'");
        assertThatThrownBy(() -> read("channels:\n  - name: m\n    type: email\n    smtp: {host: h, security: tls}\n"
                + "    from: a@b\n    to: [c@d]\n", Map.of()))
                .hasMessageContaining(":4: channels[0].smtp.security: unknown smtp security 'tls'");
    }

    @Test
    void slackNeedsTokenWithChannelOrWebhookAndDuplicateNamesFail() {
        assertThatThrownBy(() -> read("channels:\n  - name: s\n    type: slack\n    token: xoxb-1\n", Map.of()))
                .hasMessageContaining("channels[0].channel: a slack token needs the channel id");
        assertThatThrownBy(() -> read("channels:\n  - name: s\n    type: file\n  - name: s\n    type: file\n", Map.of()))
                .hasMessageContaining(":4: channels[1].name: duplicate channel name \"s\"");
        assertThatThrownBy(() -> read("channels:\n  - name: m\n    type: email\n    smtp: {host: h}\n    from: a@b\n", Map.of()))
                .hasMessageContaining("channels[0].to: required key is missing");
    }
}
