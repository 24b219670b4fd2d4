package io.socketchat.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.socketchat.support.LineClient;
import io.socketchat.support.ServerProcess;

import org.junit.jupiter.api.Test;

/** The packaged jar: the admin console on a terminal, and the ways the server stops. */
class ConsoleAndSignalsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void consoleCommandsWorkWhileTheServerStaysReadyAndShutdownExitsWithZero() throws Exception {
        try (ServerProcess server = ServerProcess.startOnTerminal("--chat.history-size=0");
                LineClient alice = LineClient.connect(server.tcpPort())) {
            // the console answers, and meanwhile the server is ready
            server.type("who");
            server.awaitOutput("Nobody is in the chat.");
            HttpResponse<String> health = get(server, "/actuator/health/readiness");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            alice.expectStartingWith("Welcome").send("alice").expectStartingWith("Hello alice!");
            server.type("say hello from the console");
            alice.expect("Server: hello from the console");
            server.type("who");
            server.awaitOutput("1 online: alice");

            server.type("shutdown");
            alice.expect("* Server is shutting down.");
            alice.expectClosed();
            assertThat(server.awaitExit()).isZero();
            assertThatThrownBy(() -> LineClient.connect(server.tcpPort())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void sigtermTellsEveryoneDeliversAndReleasesThePort() {
        try (ServerProcess server = ServerProcess.start("--chat.history-size=0");
                LineClient alice = LineClient.connect(server.tcpPort());
                LineClient bob = LineClient.connect(server.tcpPort())) {
            server.awaitOutput("running without the admin console");
            alice.expectStartingWith("Welcome").send("alice").expectStartingWith("Hello alice!");
            bob.expectStartingWith("Welcome").send("bob").expectStartingWith("Hello bob!");
            alice.expect("* bob joined the chat");
            bob.send("last words");
            alice.expect("bob: last words");

            server.terminate();
            alice.expect("* Server is shutting down.");
            bob.expect("* Server is shutting down.");
            alice.expectClosed();
            bob.expectClosed();
            assertThat(server.awaitExit()).isIn(0, 143);
            assertThatThrownBy(() -> LineClient.connect(server.tcpPort())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void ctrlCAtTheConsoleStopsTheServerTheSameWay() {
        try (ServerProcess server = ServerProcess.startOnTerminal("--chat.history-size=0");
                LineClient alice = LineClient.connect(server.tcpPort())) {
            server.type("who");
            server.awaitOutput("Nobody is in the chat.");
            alice.expectStartingWith("Welcome").send("alice").expectStartingWith("Hello alice!");
            server.typeRaw("\u0003");
            alice.expect("* Server is shutting down.");
            alice.expectClosed();
            assertThat(server.awaitExit()).isIn(0, 130);
        }
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
