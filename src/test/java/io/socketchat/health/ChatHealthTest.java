package io.socketchat.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.socketchat.support.RunningServer;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.integration.ip.tcp.connection.AbstractServerConnectionFactory;

/** {@code /actuator/health} over HTTP, with the chat component. */
class ChatHealthTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @AutoClose
    private RunningServer server;

    @Test
    void upWithPortUsersAndLimitWhileListening() throws Exception {
        server = RunningServer.start("--chat.max-clients=7");
        server.join("alice");

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"")
            .contains("\"chat\":{\"details\":{\"port\":" + server.port() + ",\"usersOnline\":1,\"maxClients\":7}");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void downWhenTheTcpServerIsNotListening() throws Exception {
        server = RunningServer.start();
        server.bean(AbstractServerConnectionFactory.class).stop();

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"chat\":{\"details\"").contains("\"status\":\"DOWN\"");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
