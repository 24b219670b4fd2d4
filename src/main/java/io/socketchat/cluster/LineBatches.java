package io.socketchat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * This node's lines on their way to Redis, in groups: at most one script call in flight
 * for the node, carrying every line that arrived meanwhile, whoever sent it, in the order
 * they arrived. One call at a time keeps every sender's lines in order, and a script
 * Redis no longer knows (a new primary) is simply sent again as text. The busier the
 * node, the larger its groups, so Redis runs one script for many lines instead of one for
 * each sender's few. The thread that read a line hands it over and reads on; it waits
 * only while its sender has {@link #MAX_WAITING} lines waiting, which holds that sender
 * back through TCP as before. A reply is handled on the thread that got it when Redis
 * took the lines; a refusal on a thread of its own, since the room then answers their
 * senders.
 */
final class LineBatches {

    /** A line, whose outcome is told once: null when appended, else why not. */
    record Pending(RoomEvent event, String senderId, long arrivedMillis, Consumer<RuntimeException> outcome) {
    }

    static final int MAX_BATCH = 256;

    static final int MAX_WAITING = 1_000;

    /** Bytes of lines in one stream entry (a group), unless one line is longer. */
    static final int MAX_GROUP = 2_048;

    private final RedisConnectionFactory factory;

    private final RedisLink link;

    private final RoomFollower follower;

    private final ChatProperties properties;

    private final String instance;

    private final byte[][] keys;

    private final Waiting waiting = new Waiting();

    /** Batches sent: each batch's id is this node's instance and its number. */
    private final AtomicLong sent = new AtomicLong();

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
        if (waiting.offer(line)) {
            sendNext();
        }
    }

    void stop() {
        replies.shutdown();
    }

    private void sendNext() {
        List<Pending> batch = waiting.take(MAX_BATCH);
        if (batch.isEmpty()) {
            return;
        }
        String id = instance + "-b" + sent.incrementAndGet();
        if (!link.available()) {
            replies.execute(() -> done(batch, id, null, new RoomUnavailableException("Redis is unreachable", null)));
            return;
        }
        call(batch, id, scriptArgs(batch, id, batch.get(0).arrivedMillis() + link.commandTimeout().toMillis(), instance,
                properties.historySize()), false);
    }

    private void call(List<Pending> batch, String id, byte[][] args, boolean asText) {
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
                    .whenComplete((result, failure) -> {
                        if (failure == null && "PUBLISHED".equals(text(result.get(0)))) {
                            done(batch, id, result, null);
                        }
                        else if (failure != null && cause(failure) instanceof RedisNoScriptException && !asText) {
                            replies.execute(() -> call(batch, id, args, true));
                        }
                        else {
                            replies.execute(() -> done(batch, id, result, failure == null ? null : cause(failure)));
                        }
                    });
            }
            finally {
                connection.close();
            }
        }
        catch (RuntimeException ex) {
            replies.execute(() -> done(batch, id, null, ex));
        }
    }

    private void done(List<Pending> batch, String id, List<Object> reply, Throwable failure) {
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
            List<String> senders = new ArrayList<>(batch.size());
            for (Pending line : batch) {
                senders.add(line.senderId());
            }
            follower.receipts().acknowledged(id, senders);
            if (!last.isEmpty()) {
                follower.appended(((Number) reply.get(2)).intValue(), last);
            }
        }
        for (Pending line : batch) {
            line.outcome().accept(refused);
        }
        sendNext();
    }

    /**
     * The arguments of {@code publish_batch.lua} for the batch, in the order it reads
     * them. The batch's deadline is its oldest line's: a batch Redis reads after that
     * line's sender would have given up does nothing. Redis keeps its id for the whole
     * batch, which it appends all or nothing. Only the lines the history keeps go to it.
     */
    static byte[][] scriptArgs(List<Pending> batch, String id, long deadline, String instance, int historySize) {
        List<String> texts = new ArrayList<>(batch.size());
        for (Pending line : batch) {
            if (line.event() instanceof RoomEvent.Public p) {
                texts.add(p.line());
            }
        }
        texts = texts.subList(Math.max(0, texts.size() - historySize), texts.size());
        List<List<byte[]>> entries = entries(batch);
        List<byte[]> args = new ArrayList<>(8 + texts.size() + entries.size() * 5);
        args.add(bytes(String.valueOf(deadline)));
        args.add(bytes(String.valueOf(RedisLink.STREAM_MAX)));
        args.add(bytes(String.valueOf(historySize)));
        args.add(bytes(instance));
        args.add(bytes(id));
        args.add(bytes(String.valueOf(batch.size())));
        args.add(bytes(String.valueOf(texts.size())));
        texts.forEach(text -> args.add(bytes(text)));
        args.add(bytes(String.valueOf(entries.size())));
        for (List<byte[]> entry : entries) {
            args.add(bytes(String.valueOf(entry.size())));
            args.addAll(entry);
        }
        return args.toArray(byte[][]::new);
    }

    /**
     * The batch's stream entries, as the script's arguments: its lines in groups of at
     * most {@link #MAX_GROUP} bytes ({@link EventCodec#group}), a lone line as an entry
     * of its own kind. The bound keeps an entry within about twice what one line could
     * take ({@code chat.max-line-bytes}, 1,024 by default), so the stream, which keeps a
     * number of entries, at most about twice its size with a line each.
     */
    static List<List<byte[]>> entries(List<Pending> batch) {
        if (batch.size() == 1) {
            // the common case at low rates: no group to size
            List<List<byte[]>> entries = new ArrayList<>(1);
            entries.add(entry(List.of(), batch.get(0).event()));
            return entries;
        }
        List<List<byte[]>> entries = new ArrayList<>();
        List<byte[]> group = new ArrayList<>();
        RoomEvent first = null;
        int bytes = 0;
        for (Pending line : batch) {
            byte[] grouped = EventCodec.grouped(line.event());
            if (!group.isEmpty() && EventCodec.groupSize(group.size() + 1, bytes + grouped.length) > MAX_GROUP) {
                entries.add(entry(group, first));
                group = new ArrayList<>();
                bytes = 0;
            }
            if (group.isEmpty()) {
                first = line.event();
            }
            group.add(grouped);
            bytes += grouped.length;
        }
        entries.add(entry(group, first));
        return entries;
    }

    /** A lone line's entry keeps its own kind and fields, as the server's lines do. */
    private static List<byte[]> entry(List<byte[]> group, RoomEvent first) {
        List<byte[]> fields = new ArrayList<>(8);
        if (group.size() <= 1) {
            for (String field : EventCodec.fields(first)) {
                fields.add(bytes(field));
            }
        }
        else {
            fields.add(bytes("t"));
            fields.add(bytes("G"));
            fields.add(bytes("g"));
            fields.add(EventCodec.group(group));
        }
        return fields;
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

    /** The node's lines waiting, and whether a call is on its way. */
    private static final class Waiting {

        private final ArrayDeque<Pending> lines = new ArrayDeque<>();

        /** Lines waiting per sender, for holding back one that floods. */
        private final HashMap<String, Integer> perSender = new HashMap<>();

        private boolean inFlight;

        /**
         * Queues the line, after its sender's earlier lines have made room; true when the
         * caller is to send (nothing was on its way).
         */
        synchronized boolean offer(Pending line) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (perSender.getOrDefault(line.senderId(), 0) >= MAX_WAITING && System.nanoTime() < deadline) {
                try {
                    wait(100);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            lines.add(line);
            perSender.merge(line.senderId(), 1, Integer::sum);
            if (inFlight) {
                return false;
            }
            inFlight = true;
            return true;
        }

        /** The next lines to send; none (and nothing on its way any more) when empty. */
        synchronized List<Pending> take(int max) {
            List<Pending> batch = new ArrayList<>(Math.min(max, lines.size()));
            while (batch.size() < max && !lines.isEmpty()) {
                Pending line = lines.poll();
                perSender.computeIfPresent(line.senderId(), (sender, count) -> count == 1 ? null : count - 1);
                batch.add(line);
            }
            inFlight = !batch.isEmpty();
            notifyAll();
            return batch;
        }

    }

}
