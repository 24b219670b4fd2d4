package io.socketchat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that change the room in Redis: each runs atomically, so racing nodes
 * see one order.
 */
@SuppressWarnings("rawtypes")
final class LedgerScripts {

    final RedisScript<List> join = load("join");

    final RedisScript<List> rename = load("rename");

    final RedisScript<List> leave = load("leave");

    final RedisScript<List> publish = load("publish");

    final RedisScript<List> publishBatch = load("publish_batch");

    final RedisScript<Long> renew = load("renew", Long.class);

    final RedisScript<List> snapshot = load("snapshot");

    final RedisScript<List> ban = load("ban");

    final RedisScript<Long> unban = load("unban", Long.class);

    private static RedisScript<List> load(String name) {
        return load(name, List.class);
    }

    private static <T> RedisScript<T> load(String name, Class<T> result) {
        return new DefaultRedisScript<>(text("common") + "\n" + text(name), result);
    }

    private static String text(String name) {
        try {
            return new ClassPathResource("cluster/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The Redis script " + name + ".lua is missing from the jar", ex);
        }
    }

}
