package dev.shirase.deliver.email;

import dev.shirase.deliver.ChannelSettings;
import dev.shirase.deliver.ChannelType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** SMTP server, credentials (password is a secret), sender and recipients. */
public record EmailSettings(String host, int port, SmtpSecurity security, Optional<String> username,
                            Optional<String> password, String from, List<String> to) implements ChannelSettings {
    public EmailSettings {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("email: port out of range: " + port);
        }
        security = security == null ? SmtpSecurity.STARTTLS : security;
        username = username == null ? Optional.empty() : username.filter(u -> !u.isBlank());
        password = password == null ? Optional.empty() : password;
        Objects.requireNonNull(from, "from");
        to = to == null ? List.of() : List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("email: at least one recipient (to) is required");
        }
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username.orElse("") + ", password=" + (password.isPresent() ? "***" : "")
                + ", from=" + from + ", to=" + to + "]";
    }
}
