package dev.shirase.deliver.email;

import dev.shirase.deliver.Channel;
import dev.shirase.deliver.DeliveryResult;
import dev.shirase.deliver.RenderedMessage;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the digest by SMTP (Angus Mail): UTF-8 subject and body, multipart/alternative with the text part
 * first and the HTML part last, and a Message-ID derived from the message key and channel name, so a
 * resent copy is recognisable as the same message by mail clients.
 */
public final class EmailChannel implements Channel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);
    private static final int TIMEOUT_MS = 30_000;

    private final String name;
    private final EmailSettings settings;
    private final Session session;

    public EmailChannel(String name, EmailSettings settings) {
        this.name = name;
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        // fail fast on a bad address at start, not at the first send
        parseFrom(settings.from());
        settings.to().forEach(EmailChannel::parseRecipient);
    }

    static Properties properties(EmailSettings s) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.auth", Boolean.toString(s.username().isPresent()));
        p.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MS));
        p.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MS));
        p.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MS));
        switch (s.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return p;
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code <hex@domain>}: stable for the same message key and channel. */
    public static String messageId(String key, String channel, String fromAddress) {
        String domain = fromAddress.contains("@") ? fromAddress.substring(fromAddress.lastIndexOf('@') + 1) : "shirase.local";
        domain = domain.replaceAll("[^A-Za-z0-9.-]", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((key + "\n" + channel).getBytes(StandardCharsets.UTF_8));
            return "<shirase." + HexFormat.of().formatHex(hash, 0, 16) + "@" + (domain.isEmpty() ? "shirase.local" : domain) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    @Override
    public DeliveryResult send(RenderedMessage message, int partsAlreadySent) {
        try {
            MimeMessage mime = build(message);
            if (settings.username().isPresent()) {
                Transport.send(mime, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(mime);
            }
            return new DeliveryResult.Delivered();
        } catch (AuthenticationFailedException e) {
            return new DeliveryResult.Failed("SMTP authentication failed");
        } catch (SendFailedException e) {
            return sendFailed(e);
        } catch (MessagingException e) {
            // connection refused, timeouts, TLS problems, 4xx replies: worth another try
            return new DeliveryResult.RetryLater(Duration.ZERO, "SMTP " + describe(e));
        }
    }

    private DeliveryResult sendFailed(SendFailedException e) {
        Address[] sent = e.getValidSentAddresses();
        if (sent != null && sent.length > 0) {
            // some recipients have it: resending would duplicate it for them
            LOG.warn("channel {}: delivered, but rejected recipients {}", name, List.of(e.getInvalidAddresses() == null
                    ? new Address[0] : e.getInvalidAddresses()));
            return new DeliveryResult.Delivered();
        }
        int code = e instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
        Exception next = e.getNextException();
        if (code < 0 && next instanceof SMTPSendFailedException s) {
            code = s.getReturnCode();
        }
        if (code >= 400 && code < 500) {
            return new DeliveryResult.RetryLater(Duration.ZERO, "SMTP " + describe(e));
        }
        return new DeliveryResult.Failed("SMTP " + describe(e));
    }

    private static String describe(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null) {
            m += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return m;
    }

    MimeMessage build(RenderedMessage message) throws MessagingException {
        String id = messageId(message.key(), name, parseFrom(settings.from()).getAddress());
        MimeMessage mime = new StableIdMessage(session, id);
        mime.setFrom(parseFrom(settings.from()));
        mime.setRecipients(Message.RecipientType.TO,
                settings.to().stream().map(EmailChannel::parseRecipient).toArray(InternetAddress[]::new));
        mime.setSubject(message.subject(), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text); // least preferred first (RFC 2046)
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress a = new InternetAddress(from, true);
            if (a.getPersonal() != null) {
                a.setPersonal(a.getPersonal(), "UTF-8");
            }
            return a;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("email: bad from address '" + from + "': " + e.getMessage(), e);
        }
    }

    private static InternetAddress parseRecipient(String to) {
        try {
            return new InternetAddress(to, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("email: bad recipient '" + to + "': " + e.getMessage(), e);
        }
    }

    /** A MimeMessage whose Message-ID is ours instead of a random one chosen at {@code saveChanges()}. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
