package io.socketchat.room;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transport for unit tests: drains every outbox at once, on the caller's thread, and
 * keeps the lines.
 */
final class FakeConnections implements ClientConnections {

    private final Map<String, List<String>> written = new ConcurrentHashMap<>();

    private final Set<String> closed = ConcurrentHashMap.newKeySet();

    @Override
    public void drain(Outbox outbox) {
        do {
            byte[] batch;
            while ((batch = outbox.nextBatch()) != null) {
                String text = new String(batch, StandardCharsets.UTF_8);
                List<String> lines = written.computeIfAbsent(outbox.connectionId(), id -> new ArrayList<>());
                synchronized (lines) {
                    lines.addAll(List.of(text.split("\n")));
                }
                outbox.written();
            }
        }
        while (!outbox.finishDrain());
    }

    @Override
    public boolean isBacklogged(String connectionId) {
        return false;
    }

    @Override
    public void close(String connectionId) {
        closed.add(connectionId);
    }

    /** Every line written to the connection so far. */
    List<String> linesOf(String connectionId) {
        List<String> lines = written.getOrDefault(connectionId, List.of());
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    String lastLineOf(String connectionId) {
        List<String> lines = linesOf(connectionId);
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    boolean isClosed(String connectionId) {
        return closed.contains(connectionId);
    }

}
