package io.socketchat.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.lettuce.core.resource.Delay;
import io.socketchat.config.ChatProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * Several nodes, one room ({@code chat.cluster.enabled=true}): Boot's Redis configuration
 * (left out of a single node, see application.properties) and the ledger kept in Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "true")
@Import(DataRedisAutoConfiguration.class)
class ClusterConfiguration {

    /**
     * While Redis is unreachable Lettuce would queue commands until each times out;
     * refused at once, a user's line is answered at once.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * TCP keepalive (off in Lettuce by default): a Redis host that vanishes without a
     * reset (powered off, cut off) is noticed within about 20 s instead of the system's
     * 15 minutes or more, and the connection is made again, through the sentinels if
     * there are any. Keeps Boot's connect timeout, which this replaces the options of.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer keepConnectionsAlive(DataRedisProperties redis) {
        Duration connectTimeout = redis.getConnectTimeout() != null ? redis.getConnectTimeout()
                : SocketOptions.DEFAULT_CONNECT_TIMEOUT_DURATION;
        return options -> options.socketOptions(SocketOptions.builder()
            .connectTimeout(connectTimeout)
            .keepAlive(SocketOptions.KeepAliveOptions.builder()
                .enable()
                .idle(Duration.ofSeconds(5))
                .interval(Duration.ofSeconds(5))
                .count(3)
                .build())
            .build());
    }

    /**
     * Lettuce backs off up to 30 s between reconnects by default: a Redis restarted after
     * a short outage would stay unused for that long. At most a second between tries.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectWithinASecond() {
        return resources -> resources
            .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }

    @Bean
    RedisLedger redisLedger(StringRedisTemplate redis, RedisConnectionFactory factory, ChatProperties properties,
            TaskScheduler taskScheduler, DataRedisProperties redisProperties) {
        Duration timeout = redisProperties.getTimeout() != null ? redisProperties.getTimeout() : Duration.ofSeconds(2);
        return new RedisLedger(redis, factory, properties, taskScheduler, nodeName(properties), timeout);
    }

    /** Counts the times this node read the room again (a gap in its order). */
    @Bean
    MeterBinder clusterGaps(RedisLedger ledger) {
        return registry -> FunctionCounter.builder("chat.cluster.gaps", ledger.follower(), RoomFollower::gaps)
            .description("Times this node read the room again because it skipped or lost part of its order")
            .register(registry);
    }

    /** The bans of every node: the {@code Bouncer} takes them instead of its own. */
    @Bean
    RedisBans redisBans(RedisLedger ledger, StringRedisTemplate redis) {
        RedisBans bans = new RedisBans(ledger, redis, Clock.systemUTC());
        ledger.onBansChanged(bans::changed);
        return bans;
    }

    /**
     * The accounts of every node: the {@code AccountBook} takes them instead of a file.
     */
    @Bean
    RedisAccountStore redisAccountStore(StringRedisTemplate redis) {
        return new RedisAccountStore(redis);
    }

    private static String nodeName(ChatProperties properties) {
        if (!properties.cluster().nodeName().isEmpty()) {
            return properties.cluster().nodeName();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + properties.port();
        }
        catch (UnknownHostException ex) {
            return "localhost:" + properties.port();
        }
    }

}
