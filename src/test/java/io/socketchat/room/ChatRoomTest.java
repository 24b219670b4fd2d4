package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socketchat.config.ChatProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import io.socketchat.protocol.Username;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The room on its own, with a fake transport that records lines and closes: no sockets,
 * no Spring.
 */
class ChatRoomTest {

    private final FakeConnections connections = new FakeConnections();

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    private LocalLedger ledger;

    private ChatRoom room;

    private int nextId;

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private void open(int maxClients, int sendQueueLimit) {
        ChatProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("chat.name", "Test", "chat.max-clients", String.valueOf(maxClients), "chat.send-queue-limit",
                        String.valueOf(sendQueueLimit), "chat.rate-limit", "0", "chat.shutdown-grace", "1s")))
            .bindOrCreate("chat", ChatProperties.class);
        ledger = new LocalLedger();
        room = new ChatRoom(properties, new ChatMetrics(new SimpleMeterRegistry()), ledger);
    }

    private synchronized Session session() {
        String id = "connection-" + (++nextId);
        Outbox outbox = new Outbox(id, connections.limit, connections, new ChatMetrics(new SimpleMeterRegistry()),
                () -> {
                });
        Session session = new Session(id, "127.0.0.1", outbox, new FloodGuard(0, 0), Session.Stage.NAME);
        connections.sessions.put(id, session);
        return session;
    }

    /** As the reception does it: the session counts as joined while it asks. */
    private ChatRoom.Join join(Session session, String name) {
        session.advance(Session.Stage.NAME, Session.Stage.JOINED);
        ChatRoom.Join outcome = room.join(session, new Username(name));
        if (outcome != ChatRoom.Join.JOINED) {
            session.advance(Session.Stage.JOINED, Session.Stage.NAME);
        }
        return outcome;
    }

    private Session joined(String name) {
        Session session = session();
        assertThat(join(session, name)).isEqualTo(ChatRoom.Join.JOINED);
        return session;
    }

    @Test
    void aNewcomerIsGreetedWithEveryoneAndTheOthersAreTold() {
        open(5, 100);
        Session alice = joined("alice");
        room.handle(alice, "first words");
        Session bob = joined("bob");

        assertThat(connections.lines(alice)).containsExactly(
                "Hello alice! 1 user online: alice. Type /help for commands, exit to leave.", "* bob joined the chat");
        assertThat(connections.lines(bob)).containsExactly(
                "Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.",
                "-- last 1 message --", "alice: first words", "-- end of history --");
        assertThat(room.who()).containsExactly("alice", "bob");
        assertThat(room.size()).isEqualTo(2);
    }

    @RepeatedTest(5)
    void joinsRacingForOneNameHaveExactlyOneWinner() throws Exception {
        open(50, 100);
        List<ChatRoom.Join> outcomes = race(8, i -> "sam");
        assertThat(outcomes).filteredOn(outcome -> outcome == ChatRoom.Join.JOINED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == ChatRoom.Join.TAKEN).hasSize(7);
        assertThat(room.who()).containsExactly("sam");
    }

    @RepeatedTest(5)
    void joinsRacingForTheLastPlaceHaveExactlyOneWinner() throws Exception {
        open(3, 100);
        joined("alice");
        joined("bob");
        List<ChatRoom.Join> outcomes = race(6, i -> "user" + i);
        assertThat(outcomes).filteredOn(outcome -> outcome == ChatRoom.Join.JOINED).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome == ChatRoom.Join.FULL).hasSize(5);
        assertThat(room.size()).isEqualTo(3);
        assertThat(room.who()).hasSize(3);
    }

    /**
     * The transport closes a connection as soon as it is written: the first to close
     * leaves at once.
     */
    @Test
    void afterTheShutdownNoticeNobodyHearsAnotherLine() {
        open(5, 100);
        Doors doors = new Doors(room);
        List<Session> users = List.of(joined("alice"), joined("bob"), joined("carol"));
        users.forEach(doors::entered);

        doors.closeAll("* Server is shutting down.");

        for (Session user : users) {
            List<String> lines = connections.lines(user);
            assertThat(lines.get(lines.size() - 1)).as(user.name().display()).isEqualTo("* Server is shutting down.");
        }
        assertThat(connections.closed).hasSize(3);
        assertThat(connections.closedUnderLock).isEmpty();
        assertThat(room.size()).isZero();
    }

    @Test
    void whoAndTheHelloLineListNamesAsPeopleReadThem() {
        open(10, 100);
        joined("rob");
        joined("Nina");
        joined("mallory");
        Session alice = joined("alice");
        assertThat(connections.lines(alice).get(0)).isEqualTo(
                "Hello alice! 4 users online: alice, mallory, Nina, rob. Type /help for commands, exit to leave.");
        assertThat(room.who()).containsExactly("alice", "mallory", "Nina", "rob");
    }

    @Test
    void aRenameIsToldToEveryoneAndATakenNameIsRefused() {
        open(5, 100);
        Session alice = joined("alice");
        Session bob = joined("bob");
        room.handle(alice, "/nick carol");
        room.handle(bob, "/nick Carol");
        room.handle(bob, "/nick ALICE");

        assertThat(connections.lines(alice)).endsWith("* alice is now known as carol", "* bob is now known as ALICE");
        assertThat(connections.lines(bob)).endsWith("* alice is now known as carol", "! Username \"Carol\" is taken.",
                "* bob is now known as ALICE");
        assertThat(room.who()).containsExactly("ALICE", "carol");
        // the old name is free again
        assertThat(join(session(), "bob")).isEqualTo(ChatRoom.Join.JOINED);
    }

    @Test
    void aUserWhoLeavesIsClosedOnceTheLastLineIsWrittenAndTheNameIsFree() {
        open(5, 100);
        Session alice = joined("alice");
        Session bob = joined("bob");
        room.handle(bob, "/quit");

        assertThat(connections.closed).containsExactly(bob.connectionId());
        assertThat(connections.lines(alice)).endsWith("* bob left the chat");
        assertThat(room.who()).containsExactly("alice");
        assertThat(join(session(), "bob")).isEqualTo(ChatRoom.Join.JOINED);
    }

    @Test
    void aKickClosesTheUserOnlyOnceTheRoomIsUnlockedAndTheCloseEventIsHandled() {
        open(5, 100);
        Session alice = joined("alice");
        Session bob = joined("bob");
        assertThat(room.kick("BOB", "spam")).isTrue();
        assertThat(room.kick("nobody", "")).isFalse();

        assertThat(connections.lines(bob)).endsWith("! You were kicked: spam");
        assertThat(connections.closed).containsExactly(bob.connectionId());
        assertThat(connections.closedUnderLock).isEmpty();
        assertThat(connections.lines(alice)).endsWith("* bob was kicked (spam)");
        assertThat(room.who()).containsExactly("alice");
    }

    @Test
    void aUserWhoDoesNotReadIsDroppedAndClosedOutsideTheLock() {
        open(5, 2);
        Session alice = joined("alice");
        Session silent = joined("silent");
        connections.backlogged.add(silent.connectionId());
        connections.holding.add(silent.connectionId());
        for (int i = 0; i < 5; i++) {
            room.handle(alice, "line " + i);
        }

        assertThat(connections.closed).containsExactly(silent.connectionId());
        assertThat(connections.closedUnderLock).isEmpty();
        assertThat(connections.lines(alice)).endsWith("* silent was disconnected (not reading)");
        assertThat(room.who()).containsExactly("alice");
    }

    private List<ChatRoom.Join> race(int racers, java.util.function.IntFunction<String> name) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ChatRoom.Join>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Session session = session();
            String wanted = name.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return join(session, wanted);
            }));
        }
        start.countDown();
        List<ChatRoom.Join> outcomes = new ArrayList<>();
        for (Future<ChatRoom.Join> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    /**
     * Drains outboxes at once into a list per connection (except those it is told to
     * hold, as a client that does not read), and on a close does what the transport's
     * close event does: the reception's departure, which calls back into the room.
     */
    private final class FakeConnections implements ClientConnections {

        final int limit = 2;

        final Map<String, Session> sessions = new ConcurrentHashMap<>();

        final Map<String, List<String>> written = new ConcurrentHashMap<>();

        final Set<String> backlogged = ConcurrentHashMap.newKeySet();

        final Set<String> holding = ConcurrentHashMap.newKeySet();

        final List<String> closed = new CopyOnWriteArrayList<>();

        final List<String> closedUnderLock = new CopyOnWriteArrayList<>();

        List<String> lines(Session session) {
            return written.getOrDefault(session.connectionId(), List.of());
        }

        @Override
        public void drain(Outbox outbox) {
            if (holding.contains(outbox.connectionId())) {
                return;
            }
            do {
                byte[] batch;
                while ((batch = outbox.nextBatch()) != null) {
                    String text = new String(batch, StandardCharsets.UTF_8);
                    List<String> lines = written.computeIfAbsent(outbox.connectionId(),
                            id -> new CopyOnWriteArrayList<>());
                    lines.addAll(List.of(text.split("\n")));
                    outbox.written();
                }
            }
            while (!outbox.finishDrain());
        }

        @Override
        public boolean isBacklogged(String connectionId) {
            return backlogged.contains(connectionId);
        }

        @Override
        public void close(String connectionId) {
            if (room.heldByCurrentThread() || ledger.heldByCurrentThread()) {
                closedUnderLock.add(connectionId);
            }
            closed.add(connectionId);
            Session session = sessions.get(connectionId);
            if (session.end() == Session.Stage.JOINED) {
                room.leave(session);
            }
        }

    }

}
