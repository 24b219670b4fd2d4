package io.socketchat.client;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client connects: {@code chat.host}, {@code chat.port},
 * {@code chat.connect-timeout}, and how: {@code chat.tls} (TLS, trusting the system's
 * CAs) and {@code chat.tls.trust} (a PEM certificate to trust as well; read by
 * {@link ChatClientApplication}, as {@code chat.tls} is a value itself). The same
 * {@code chat.*} names as the server's, so {@code --chat.port=9000} (or
 * {@code CHAT_PORT=9000}) means one port to both sides. Not a
 * {@code @ConfigurationProperties} bean: no context binds it, and the server's metadata
 * already describes {@code chat.port}.
 */
public record ChatClientSettings(@DefaultValue("localhost") String host, @DefaultValue("9999") int port,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("false") boolean tls, Path tlsTrust) {

    /** The constructor settings are bound through (the other is for code). */
    @ConstructorBinding
    public ChatClientSettings {
    }

    /** A plain TCP connection. */
    public ChatClientSettings(String host, int port, Duration connectTimeout) {
        this(host, port, connectTimeout, false, null);
    }

    ChatClientSettings trusting(Path certificate) {
        return new ChatClientSettings(host, port, connectTimeout, tls, certificate);
    }
}
