package io.socketchat.cluster;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Connections of the stream reader's own: the same Redis (or the same sentinels) as the
 * application's factory, but none shared. A shared factory sends every non-blocking
 * command over its one shared connection, even one called on the connection the reader
 * holds for {@code XREAD BLOCK}: then the reader's check of the stream after a switch of
 * primary would run elsewhere, perhaps on a connection still going to the old primary.
 */
final class ReaderConnections {

    private ReaderConnections() {
    }

    /**
     * A started factory for the reader, or the application's own when it is not Lettuce's
     * (then the reader shares it, as before).
     */
    static RedisConnectionFactory of(RedisConnectionFactory shared) {
        if (!(shared instanceof LettuceConnectionFactory lettuce)) {
            return shared;
        }
        RedisConfiguration where = lettuce.getSentinelConfiguration() != null ? lettuce.getSentinelConfiguration()
                : lettuce.getStandaloneConfiguration();
        LettuceConnectionFactory own = new LettuceConnectionFactory(where, lettuce.getClientConfiguration());
        own.setShareNativeConnection(false);
        own.afterPropertiesSet();
        own.start();
        return own;
    }

    /** Stops a factory made by {@link #of}; the application's own is left alone. */
    static void close(RedisConnectionFactory reader, RedisConnectionFactory shared) {
        if (reader != shared && reader instanceof LettuceConnectionFactory own) {
            own.destroy();
        }
    }

}
