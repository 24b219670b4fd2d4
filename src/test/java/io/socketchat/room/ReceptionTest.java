package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.socketchat.protocol.InboundLine;
import io.socketchat.room.Session.Stage;

import org.junit.jupiter.api.Test;

/** The login dialogue and the checks at the door, without sockets or Spring. */
class ReceptionTest {

    private static final String HOME = "127.0.0.1";

    private static final String ELSEWHERE = "127.0.0.2";

    @Test
    void aNewcomerIsWelcomedAndJoinsWithAName() {
        FrontDesk desk = new FrontDesk("name=Den");
        Session alice = desk.arrive(HOME);
        assertThat(desk.lastLine(alice)).isEqualTo("Welcome to Den! Enter your username:");
        desk.send(alice, "alice");
        assertThat(desk.lastLine(alice))
            .isEqualTo("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        assertThat(alice.stage()).isEqualTo(Stage.JOINED);
        assertThat(desk.scheduler.pending()).as("the login timer is cancelled").isZero();
        Session bob = desk.join(HOME, "bob");
        assertThat(desk.lastLine(alice)).isEqualTo("* bob joined the chat");
        assertThat(bob.address()).isEqualTo(HOME);
    }

    @Test
    void aTakenNameMayBeChosenAgainAndLinesOfAClosedSessionAreIgnored() {
        FrontDesk desk = new FrontDesk();
        desk.join(HOME, "alice");
        Session other = desk.arrive(ELSEWHERE);
        desk.send(other, "ALICE");
        assertThat(desk.lastLine(other)).isEqualTo("! Username \"ALICE\" is taken. Enter another username:");
        assertThat(other.stage()).isEqualTo(Stage.NAME);
        desk.send(other, "bob");
        assertThat(desk.lastLine(other)).startsWith("Hello bob! 2 users online");
        desk.close(other);
        desk.send(other, "anyone?");
        assertThat(desk.lastLine(other)).startsWith("Hello bob!");
    }

    @Test
    void aWrongPasswordCloses() {
        FrontDesk desk = new FrontDesk("password=s3cret");
        Session guess = desk.arrive(HOME);
        assertThat(desk.lastLine(guess)).isEqualTo("Password:");
        desk.send(guess, "s3cre");
        assertThat(desk.lastLine(guess)).isEqualTo("! Wrong password.");
        assertThat(desk.isClosed(guess)).isTrue();
        Session right = desk.arrive(HOME);
        desk.send(right, "s3cret");
        assertThat(desk.lastLine(right)).isEqualTo("Welcome to Socket Chat! Enter your username:");
    }

    @Test
    void fiveWrongPasswordsLockTheAddressOutForTenMinutes() {
        FrontDesk desk = new FrontDesk("password=s3cret");
        for (int i = 0; i < 5; i++) {
            Session guess = desk.arrive(HOME);
            desk.send(guess, "guess" + i);
            assertThat(desk.lastLine(guess)).isEqualTo("! Wrong password.");
            desk.close(guess);
        }
        Session locked = desk.arrive(HOME);
        assertThat(desk.lastLine(locked)).isEqualTo("! Too many wrong passwords. Try again later.");
        assertThat(desk.isClosed(locked)).isTrue();
        assertThat(desk.lastLine(desk.arrive(ELSEWHERE))).isEqualTo("Password:");
        desk.clock.advance(Duration.ofMinutes(9));
        assertThat(desk.lastLine(desk.arrive(HOME))).isEqualTo("! Too many wrong passwords. Try again later.");
        desk.clock.advance(Duration.ofMinutes(1));
        assertThat(desk.lastLine(desk.arrive(HOME))).isEqualTo("Password:");
        assertThat(desk.rejected("locked-out")).isEqualTo(2);
    }

    @Test
    void aConnectionAskedForThePasswordBeforeTheLockoutCannotTryMore() {
        FrontDesk desk = new FrontDesk("password=s3cret", "password-attempts=2");
        Session waiting = desk.arrive(HOME);
        for (int i = 0; i < 2; i++) {
            desk.send(desk.arrive(HOME), "guess");
        }
        desk.send(waiting, "s3cret");
        assertThat(desk.lastLine(waiting)).isEqualTo("! Too many wrong passwords. Try again later.");
        assertThat(desk.isClosed(waiting)).isTrue();
    }

    @Test
    void oneAddressHoldsAtMostItsConnections() {
        FrontDesk desk = new FrontDesk("max-connections-per-address=2", "max-clients=10");
        Session first = desk.join(HOME, "alice");
        desk.arrive(HOME);
        Session third = desk.arrive(HOME);
        assertThat(desk.lastLine(third)).isEqualTo("! Too many connections from your address.");
        assertThat(desk.isClosed(third)).isTrue();
        assertThat(desk.lastLine(desk.arrive(ELSEWHERE))).startsWith("Welcome");
        desk.close(third);
        assertThat(desk.lastLine(desk.arrive(HOME))).as("a refused connection held nothing")
            .isEqualTo("! Too many connections from your address.");
        desk.close(first);
        assertThat(desk.lastLine(desk.arrive(HOME))).startsWith("Welcome");
        assertThat(desk.rejected("per-address")).isEqualTo(2);
    }

    @Test
    void oneAddressNeverTakesTheChatsLastPlace() {
        FrontDesk desk = new FrontDesk("max-clients=3");
        desk.join(HOME, "alice");
        Session waiting = desk.arrive(HOME);
        desk.join(HOME, "bob");
        assertThat(desk.lastLine(desk.arrive(HOME))).isEqualTo("! Too many connections from your address.");
        desk.send(waiting, "carol");
        assertThat(desk.lastLine(waiting)).isEqualTo("! Too many connections from your address.");
        assertThat(desk.isClosed(waiting)).isTrue();
        Session dave = desk.join(ELSEWHERE, "dave");
        assertThat(desk.lastLine(dave)).startsWith("Hello dave! 3 users online");
    }

    @Test
    void whenTheLoginPlacesAreTakenANewcomerFromElsewhereTakesTheOldestOfTheAddressHoldingMost() {
        FrontDesk desk = new FrontDesk("max-pending=4", "max-connections-per-address=0");
        List<Session> idle = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            idle.add(desk.arrive(HOME));
        }
        Session sameAddress = desk.arrive(HOME);
        assertThat(desk.lastLine(sameAddress)).isEqualTo("! Server is busy. Try again later.");
        Session newcomer = desk.arrive(ELSEWHERE);
        assertThat(desk.lastLine(newcomer)).startsWith("Welcome");
        assertThat(desk.lastLine(idle.get(0))).isEqualTo("! Server is busy. Try again later.");
        assertThat(desk.isClosed(idle.get(0))).isTrue();
        assertThat(idle.get(1).stage()).isEqualTo(Stage.NAME);
        desk.send(newcomer, "zoe");
        assertThat(desk.lastLine(newcomer)).startsWith("Hello zoe!");
        // with 3 of 4 places held by one address and one free, the other addresses share
        // it
        Session another = desk.arrive("127.0.0.3");
        assertThat(desk.lastLine(another)).startsWith("Welcome");
        assertThat(desk.lastLine(desk.arrive("127.0.0.4"))).startsWith("Welcome");
        assertThat(desk.lastLine(idle.get(1))).isEqualTo("! Server is busy. Try again later.");
    }

    @Test
    void aBannedAddressIsTurnedAwayAndItsConnectionsAreShownOut() {
        FrontDesk desk = new FrontDesk();
        Session alice = desk.join(HOME, "alice");
        Session bob = desk.join(ELSEWHERE, "bob");
        Session bobWaiting = desk.arrive(ELSEWHERE);
        Bouncer.Outcome outcome = desk.bouncer.ban("BOB", Duration.ofMinutes(10), "spam");
        assertThat(outcome).isEqualTo(new Bouncer.Outcome.Banned(ELSEWHERE, "bob", 2));
        assertThat(desk.connections.linesOf(bob.connectionId())).endsWith("! You were kicked: spam");
        assertThat(desk.lastLine(alice)).isEqualTo("* bob was kicked (spam)");
        assertThat(desk.lastLine(bobWaiting)).isEqualTo("! You are banned from this chat.");
        assertThat(desk.isClosed(bob)).isTrue();
        assertThat(desk.isClosed(bobWaiting)).isTrue();
        Session back = desk.arrive(ELSEWHERE);
        assertThat(desk.lastLine(back)).isEqualTo("! You are banned from this chat.");
        assertThat(desk.isClosed(back)).isTrue();
        assertThat(desk.bouncer.bans())
            .containsExactly(new Bouncer.BanInForce(ELSEWHERE, Duration.ofMinutes(10), "spam"));
        desk.clock.advance(Duration.ofMinutes(10));
        assertThat(desk.bouncer.bans()).isEmpty();
        assertThat(desk.lastLine(desk.arrive(ELSEWHERE))).startsWith("Welcome");
        assertThat(desk.dropped("banned")).isEqualTo(2);
        assertThat(desk.dropped("kicked")).isZero();
        assertThat(desk.rejected("banned")).isEqualTo(1);
    }

    @Test
    void unbanLetsTheAddressInAgain() {
        FrontDesk desk = new FrontDesk();
        assertThat(desk.bouncer.ban("::1", null, "")).isEqualTo(new Bouncer.Outcome.Banned("0:0:0:0:0:0:0:1", null, 0));
        assertThat(desk.lastLine(desk.arrive("0:0:0:0:0:0:0:1"))).isEqualTo("! You are banned from this chat.");
        assertThat(desk.bouncer.bans()).containsExactly(new Bouncer.BanInForce("0:0:0:0:0:0:0:1", null, ""));
        assertThat(desk.bouncer.unban("::1")).isTrue();
        assertThat(desk.bouncer.unban("::1")).isFalse();
        assertThat(desk.lastLine(desk.arrive("0:0:0:0:0:0:0:1"))).startsWith("Welcome");
        assertThat(desk.bouncer.ban("nobody", null, "")).isEqualTo(new Bouncer.Outcome.NoSuchTarget("nobody"));
    }

    @Test
    void noNameInTimeCloses() {
        FrontDesk desk = new FrontDesk("login-timeout=1s");
        Session idle = desk.arrive(HOME);
        desk.scheduler.runAll();
        assertThat(desk.lastLine(idle)).isEqualTo("! No username within 1 seconds; closing the connection.");
        assertThat(desk.isClosed(idle)).isTrue();
        assertThat(idle.stage()).isEqualTo(Stage.GONE);
        // its login place is free again
        FrontDesk small = new FrontDesk("max-pending=1", "login-timeout=1s");
        small.arrive(HOME);
        small.scheduler.runAll();
        assertThat(small.lastLine(small.arrive(HOME))).startsWith("Welcome");
    }

    @Test
    void aLoginTimeoutDuringAJoinAttemptThatFailsEndsTheSession() {
        FrontDesk desk = new FrontDesk();
        Session session = desk.arrive(HOME);
        // the timer fires while the join attempt holds the session
        assertThat(session.advance(Stage.NAME, Stage.JOINED)).isTrue();
        assertThat(session.loginTimedOut()).isFalse();
        assertThat(session.joinFailed()).as("the expiry is kept").isFalse();
        assertThat(session.stage()).isEqualTo(Stage.GONE);
    }

    @Test
    void aLoginTimeoutRacingTakenJoinAttemptsAlwaysClosesTheConnection() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                FrontDesk desk = new FrontDesk();
                desk.join(HOME, "alice");
                Session late = desk.arrive(ELSEWHERE);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> typing = threads.submit(() -> {
                    start.await();
                    desk.reception.lineFrom(late, new InboundLine.Text("alice"));
                    return null;
                });
                Future<?> timer = threads.submit(() -> {
                    start.await();
                    desk.scheduler.runAll();
                    return null;
                });
                typing.get(10, TimeUnit.SECONDS);
                timer.get(10, TimeUnit.SECONDS);
                assertThat(late.stage()).as("round " + round).isEqualTo(Stage.GONE);
                assertThat(desk.isClosed(late)).as("round " + round).isTrue();
                assertThat(desk.lastLine(late)).isEqualTo("! No username within 60 seconds; closing the connection.");
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void joinsRacingForTheLastPlaceLeaveExactlyOneIn() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 100; round++) {
                FrontDesk desk = new FrontDesk("max-clients=1");
                List<Session> sessions = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    sessions.add(desk.arrive("127.0.0." + (i + 1)));
                }
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<?>> joins = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Session session = sessions.get(i);
                    String name = "user" + i;
                    joins.add(threads.submit(() -> {
                        start.await();
                        desk.reception.lineFrom(session, new InboundLine.Text(name));
                        return null;
                    }));
                }
                for (Future<?> join : joins) {
                    join.get(10, TimeUnit.SECONDS);
                }
                assertThat(sessions).filteredOn(session -> session.stage() == Stage.JOINED).hasSize(1);
                assertThat(sessions).filteredOn(desk::isClosed)
                    .hasSize(3)
                    .allSatisfy(session -> assertThat(desk.lastLine(session))
                        .isEqualTo("! Server is full (1/1 users). Try again later."));
                assertThat(desk.room.size()).isEqualTo(1);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

}
