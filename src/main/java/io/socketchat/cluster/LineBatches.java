package io.socketchat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.socketchat.config.ChatProperties;
import io.socketchat.room.RoomEvent;
import io.socketchat.room.RoomUnavailableException;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;

/**
 * Each sender's lines on their way to Redis, in groups: at most one script call in flight
 * per sender, carrying every line of that sender that arrived meanwhile. A sender never
 * has two calls out, so its lines keep their order (Redis runs one connection's commands
 * in order), and a script Redis no longer knows (a new primary) is simply sent again as
 * text. The thread that read the line hands it over and reads on; it waits only while its
 * sender has {@link #MAX_WAITING} lines waiting, which holds the sender back through TCP
 * as before. Replies are handled on threads of their own, never on Lettuce's.
 */
final class LineBatches {

    /** A line, whose outcome is told once: null when appended, else why not. */
    record Pending(String lineId, RoomEvent event, String senderId, long arrivedMillis,
            Consumer<RuntimeException> outcome) {
    }

    static final int MAX_BATCH = 32;

    static final int MAX_WAITING = 1_000;

    private final RedisConnectionFactory factory;

    private final RedisLink link;

    private final RoomFollower follower;

    private final ChatProperties properties;

    private final String instance;

    private final byte[][] keys;

    private final ConcurrentHashMap<String, SenderQueue> queues = new ConcurrentHashMap<>();

    private final ExecutorService replies = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "chat-line-replies");
        thread.setDaemon(true);
        return thread;
    });

    LineBatches(RedisConnectionFactory factory, RedisLink link, RoomFollower follower, ChatProperties properties,
            String instance) {
        this.factory = factory;
        this.link = link;
        this.follower = follower;
        this.properties = properties;
        this.instance = instance;
        this.keys = RoomKeys.ROOM.all().stream().map(LineBatches::bytes).toArray(byte[][]::new);
    }

    void add(Pending line) {
        SenderQueue waiting = queues.get(line.senderId());
        if (waiting != null) {
            waiting.awaitRoom();
        }
        boolean[] send = new boolean[1];
        SenderQueue queue = queues.compute(line.senderId(), (sender, existing) -> {
            SenderQueue q = existing != null ? existing : new SenderQueue(sender);
            send[0] = q.offer(line);
            return q;
        });
        if (send[0]) {
            sendNext(queue);
        }
    }

    void stop() {
        replies.shutdown();
    }

    private void sendNext(SenderQueue queue) {
        List<Pending> batch = queue.take(MAX_BATCH);
        if (batch.isEmpty()) {
            queues.computeIfPresent(queue.sender, (sender, q) -> q == queue && q.idle() ? null : q);
            return;
        }
        if (!link.available()) {
            replies.execute(() -> done(queue, batch, null, new RoomUnavailableException("Redis is unreachable", null)));
            return;
        }
        call(queue, batch, args(batch), false);
    }

    private void call(SenderQueue queue, List<Pending> batch, byte[][] args, boolean asText) {
        try {
            RedisConnection connection = factory.getConnection();
            try {
                @SuppressWarnings("unchecked")
                RedisClusterAsyncCommands<byte[], byte[]> redis = (RedisClusterAsyncCommands<byte[], byte[]>) connection
                    .getNativeConnection();
                var reply = asText
                        ? redis.<List<Object>>eval(link.scripts().publishBatch.getScriptAsString(),
                                ScriptOutputType.MULTI, keys, args)
                        : redis.<List<Object>>evalsha(link.scripts().publishBatch.getSha1(), ScriptOutputType.MULTI,
                                keys, args);
                reply.toCompletableFuture()
                    .orTimeout(link.commandTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)
                    .whenCompleteAsync((result, failure) -> {
                        if (failure != null && cause(failure) instanceof RedisNoScriptException && !asText) {
                            call(queue, batch, args, true);
                        }
                        else {
                            done(queue, batch, result, failure == null ? null : cause(failure));
                        }
                    }, replies);
            }
            finally {
                connection.close();
            }
        }
        catch (RuntimeException ex) {
            replies.execute(() -> done(queue, batch, null, ex));
        }
    }

    private void done(SenderQueue queue, List<Pending> batch, List<Object> reply, Throwable failure) {
        RuntimeException refused = null;
        if (failure != null) {
            RuntimeException ex = failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failure);
            link.unreachable(ex);
            refused = new RoomUnavailableException("Redis is unreachable: " + failure.getMessage(), ex);
        }
        else if (!"PUBLISHED".equals(text(reply.get(0)))) {
            refused = RedisLink.late();
        }
        if (refused == null) {
            String last = text(reply.get(1));
            for (Pending line : batch) {
                follower.receipts().acknowledged(line.lineId(), line.senderId());
            }
            if (!last.isEmpty()) {
                follower.appended(((Number) reply.get(2)).intValue(), last);
            }
        }
        for (Pending line : batch) {
            line.outcome().accept(refused);
        }
        sendNext(queue);
    }

    /**
     * The batch's deadline is its oldest line's: a batch Redis reads after that line's
     * sender would have given up does nothing.
     */
    private byte[][] args(List<Pending> batch) {
        List<byte[]> args = new ArrayList<>(4 + batch.size() * 12);
        args.add(bytes(String.valueOf(batch.get(0).arrivedMillis() + link.commandTimeout().toMillis())));
        args.add(bytes(String.valueOf(RedisLink.STREAM_MAX)));
        args.add(bytes(String.valueOf(properties.historySize())));
        args.add(bytes(instance));
        for (Pending line : batch) {
            List<String> fields = EventCodec.fields(line.event());
            args.add(bytes(line.lineId()));
            args.add(bytes(line.event() instanceof RoomEvent.Public p ? p.line() : ""));
            args.add(bytes(String.valueOf(fields.size())));
            fields.forEach(field -> args.add(bytes(field)));
        }
        return args.toArray(byte[][]::new);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One sender's lines waiting, and whether a call of theirs is on its way. */
    private static final class SenderQueue {

        private final String sender;

        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

        private boolean inFlight;

        SenderQueue(String sender) {
            this.sender = sender;
        }

        /** Queues the line; true when the caller is to send (nothing was on its way). */
        synchronized boolean offer(Pending line) {
            waiting.add(line);
            if (inFlight) {
                return false;
            }
            inFlight = true;
            return true;
        }

        /** The next lines to send; none (and nothing on its way any more) when empty. */
        synchronized List<Pending> take(int max) {
            List<Pending> batch = new ArrayList<>(Math.min(max, waiting.size()));
            while (batch.size() < max && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            inFlight = !batch.isEmpty();
            notifyAll();
            return batch;
        }

        synchronized boolean idle() {
            return !inFlight && waiting.isEmpty();
        }

        synchronized void awaitRoom() {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (waiting.size() >= MAX_WAITING && System.nanoTime() < deadline) {
                try {
                    wait(100);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

    }

}
