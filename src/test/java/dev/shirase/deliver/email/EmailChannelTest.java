package dev.shirase.deliver.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.DigestRenderer;
import dev.shirase.deliver.RenderedMessage;
import dev.shirase.deliver.SampleDigests;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private EmailChannel channel(String name) {
        EmailSettings s = new EmailSettings("127.0.0.1", greenMail.getSmtp().getPort(), SmtpSecurity.NONE,
                Optional.empty(), Optional.empty(), "知らせ Shirase <bot@example.jp>",
                List.of("it@example.jp", "sec@example.jp"));
        return new EmailChannel(name, s);
    }

    @Test
    void sendsJapaneseMultipartAlternativeToEveryRecipient() throws Exception {
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.small(Locale.JAPANESE));
        assertThat(channel("it-mail").send(m)).isEqualTo(new DeliveryResult.Delivered());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage msg = received[0];
        assertThat(msg.getSubject()).isEqualTo("【Shirase】週刊セキュリティ情報 2026-11-16 〜 2026-11-22");
        assertThat(msg.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(Arrays.stream(msg.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("it@example.jp", "sec@example.jp");
        InternetAddress from = (InternetAddress) msg.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("bot@example.jp");
        assertThat(from.getPersonal()).isEqualTo("知らせ Shirase");
        assertThat(msg.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alt = (MimeMultipart) msg.getContent();
        assertThat(alt.getCount()).isEqualTo(2);
        assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        String text = (String) alt.getBodyPart(0).getContent();
        String html = (String) alt.getBodyPart(1).getContent();
        assertThat(text).contains("FortiOS における認証回避の脆弱性", "対応: 7.4.9 へ更新");
        assertThat(html).contains("今週対応が必要なもの（該当）", "&lt;script&gt;").doesNotContain("<script>");
        assertThat(msg.getMessageID()).isEqualTo(EmailChannel.messageId(m.key(), "it-mail", "bot@example.jp"));
    }

    @Test
    void messageIdIsStablePerKeyAndChannel() throws Exception {
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.empty(Locale.ENGLISH));
        channel("it-mail").send(m);
        channel("it-mail").send(m);
        channel("other-mail").send(m);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(6);
        String itMail = EmailChannel.messageId(m.key(), "it-mail", "bot@example.jp");
        assertThat(itMail).matches("<shirase\\.[0-9a-f]{32}@example\\.jp>");
        List<String> ids = new java.util.ArrayList<>();
        for (MimeMessage r : received) {
            ids.add(r.getMessageID());
        }
        assertThat(ids).filteredOn(itMail::equals).hasSize(4);
        assertThat(ids.stream().distinct()).hasSize(2)
                .contains(EmailChannel.messageId(m.key(), "other-mail", "bot@example.jp"));
        assertThat(received[0].getSubject()).isEqualTo("[Shirase] Weekly security digest 2026-11-16 to 2026-11-22");
        assertThat((String) ((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent())
                .contains("Nothing matched this week");
    }

    @Test
    void connectionRefusedIsRetriedLater() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmailChannel dead = new EmailChannel("dead", new EmailSettings("127.0.0.1", port, SmtpSecurity.NONE,
                Optional.empty(), Optional.empty(), "bot@example.jp", List.of("it@example.jp")));
        RenderedMessage m = DigestRenderer.bundled().render(SampleDigests.empty(Locale.JAPANESE));
        assertThat(dead.send(m)).isInstanceOf(DeliveryResult.RetryLater.class);
    }

    @Test
    void securityModesMapToMailProperties() {
        EmailSettings starttls = new EmailSettings("smtp.example.jp", 587, SmtpSecurity.parse("starttls"),
                Optional.of("bot@example.jp"), Optional.of("pw-secret"), "bot@example.jp", List.of("a@example.jp"));
        assertThat(EmailChannel.properties(starttls)).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").containsEntry("mail.smtp.auth", "true");
        EmailSettings ssl = new EmailSettings("smtp.example.jp", 465, SmtpSecurity.SSL, Optional.empty(),
                Optional.empty(), "bot@example.jp", List.of("a@example.jp"));
        assertThat(EmailChannel.properties(ssl)).containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.auth", "false").doesNotContainKey("mail.smtp.starttls.enable");
        assertThat(starttls.toString()).doesNotContain("pw-secret");
        assertThatThrownBy(() -> new EmailChannel("x", new EmailSettings("h", 25, SmtpSecurity.NONE, Optional.empty(),
                Optional.empty(), "bot@example.jp", List.of("not an address"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an address");
    }
}
