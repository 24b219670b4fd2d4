package io.socketchat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.socketchat.support.LineClient;
import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Joining, chatting and leaving, over real sockets, as nc users see it. */
class JoiningAndChattingTest {

    @AutoClose
    private RunningServer server;

    @Test
    void joinGreetsAnnouncesAndBroadcastsWithoutEcho() {
        server = RunningServer.start("--chat.history-size=0");
        LineClient alice = server.connect()
            .expect("Welcome to Socket Chat! Enter your username:")
            .send("alice")
            .expect("Hello alice! 1 user online: alice. Type /help for commands, exit to leave.");
        LineClient bob = server.connect()
            .expect("Welcome to Socket Chat! Enter your username:")
            .send("bob")
            .expect("Hello bob! 2 users online: alice, bob. Type /help for commands, exit to leave.");
        alice.expect("* bob joined the chat");

        alice.send("hello there");
        bob.expect("alice: hello there");
        // the next line alice reads is her /who answer: her message did not come back to
        // her
        alice.send("/who").expect("* 2 users online: alice, bob");
    }

    @Test
    void exitAndQuitLeaveTheChat() {
        server = RunningServer.start();
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        LineClient carol = server.join("carol");
        alice.expect("* bob joined the chat").expect("* carol joined the chat");

        bob.send("exit");
        bob.expectClosed();
        alice.expect("* bob left the chat");
        carol.send("/quit");
        carol.expectClosed();
        alice.expect("* carol left the chat");
        alice.send("/who").expect("* 1 user online: alice");
    }

    @Test
    void linesSentAllAtOnceAreAnsweredInOrderBeforeExitCloses() {
        server = RunningServer.start();
        for (int i = 0; i < 10; i++) {
            // like: printf 'zed\n/who\nexit\n' | nc host 9999
            LineClient zed = server.connectRaw(0);
            zed.sendRaw(("zed" + i + "\n/who\nexit\n").getBytes());
            zed.expectStartingWith("Welcome")
                .expect("Hello zed" + i + "! 1 user online: zed" + i + ". Type /help for commands, exit to leave.")
                .expect("* 1 user online: zed" + i);
            zed.expectClosed();
        }
    }

    @Test
    void aHalfClosedClientStillGetsItsAnswers() {
        server = RunningServer.start();
        LineClient alice = server.join("alice");
        for (int i = 0; i < 10; i++) {
            // like: printf 'zed\n/who\n' | nc -q1 host 9999 (nc sends FIN, then keeps
            // reading)
            LineClient zed = server.connectRaw(0);
            zed.sendRaw(("zed" + i + "\n/who\n").getBytes());
            zed.shutdownOutput();
            zed.expectStartingWith("Welcome")
                .expect("Hello zed" + i + "! 2 users online: alice, zed" + i
                        + ". Type /help for commands, exit to leave.")
                .expect("* 2 users online: alice, zed" + i);
            zed.expectClosed();
            alice.expect("* zed" + i + " joined the chat").expect("* zed" + i + " left the chat");
        }
    }

    @Test
    void namesAreCaseInsensitiveAndTakenNamesMayBeRetried() {
        server = RunningServer.start();
        server.join("Alice");
        LineClient other = server.connect().expectStartingWith("Welcome");
        other.send("aLiCe").expect("! Username \"aLiCe\" is taken. Enter another username:");
        other.send("alice2").expectStartingWith("Hello alice2! 2 users online: Alice, alice2.");
    }

    @Test
    void twoClientsRacingForOneNameHaveExactlyOneWinner() throws Exception {
        server = RunningServer.start();
        for (int round = 0; round < 5; round++) {
            String name = "sam" + round;
            LineClient first = server.connect().expectStartingWith("Welcome");
            LineClient second = server.connect().expectStartingWith("Welcome");
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> race(start, first, name));
            CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> race(start, second, name));
            List<String> answers = List.of(a.get(20, TimeUnit.SECONDS), b.get(20, TimeUnit.SECONDS));
            assertThat(answers).filteredOn(line -> line.startsWith("Hello " + name + "!")).hasSize(1);
            assertThat(answers).contains("! Username \"" + name + "\" is taken. Enter another username:");
            first.close();
            second.close();
        }
    }

    private static String race(CyclicBarrier start, LineClient client, String name) {
        try {
            start.await(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return client.send(name).nextLine();
    }

    @Test
    void exactlyMaxClientsGetInWhenTwiceAsManyConnectAtOnce() throws Exception {
        server = RunningServer.start("--chat.max-clients=5");
        int clients = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CyclicBarrier start = new CyclicBarrier(clients);
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "user" + i;
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                    LineClient client = server.connectRaw(0);
                    String first = client.nextLine();
                    if (!first.startsWith("Welcome")) {
                        client.expectClosed();
                        return first;
                    }
                    String answer = client.send(name).nextLine();
                    if (!answer.startsWith("Hello")) {
                        client.expectClosed();
                    }
                    return answer;
                }, pool));
            }
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<String> outcome : outcomes) {
                answers.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn(line -> line.startsWith("Hello ")).hasSize(5);
            assertThat(answers).filteredOn(line -> !line.startsWith("Hello "))
                .hasSize(5)
                .allMatch(line -> line.equals("! Server is full (5/5 users). Try again later."));
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResetConnectionLeavesAndFreesItsName() {
        server = RunningServer.start();
        LineClient alice = server.join("alice");
        LineClient bob = server.join("bob");
        alice.expect("* bob joined the chat");

        bob.reset();
        alice.expect("* bob left the chat");
        server.join("bob");
        alice.expect("* bob joined the chat");
    }

    @Test
    void linesSentJustBeforeAHalfCloseAreDeliveredBeforeTheLeaveNotice() {
        server = RunningServer.start();
        LineClient alice = server.join("alice");
        for (int i = 0; i < 20; i++) {
            // like: printf 'dave\nhi\nbye\n' | nc -q0 host 9999
            LineClient dave = server.connectRaw(0);
            dave.sendRaw(("dave" + i + "\nhi " + i + "\nbye " + i + "\n").getBytes());
            dave.shutdownOutput();
            alice.expect("* dave" + i + " joined the chat")
                .expect("dave" + i + ": hi " + i)
                .expect("dave" + i + ": bye " + i)
                .expect("* dave" + i + " left the chat");
        }
    }

}
