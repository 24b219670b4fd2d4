package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.admin.AdminCommands;
import org.junit.jupiter.api.Test;

/**
 * The server's context leaves the client's and the bench's packages alone: they start
 * contexts of their own (or none), and a component there must not become part of the
 * server.
 */
class ServerScanTest {

    @Test
    void theServersScanFindsItsOwnPackagesButNotTheClientsOrTheBenchs() {
        try (RunningServer server = RunningServer.start()) {
            assertThat(server.context().getBeanNamesForType(AdminCommands.class)).hasSize(1);
            assertThat(server.context().getBeanNamesForType(io.socketchat.client.ClientScanProbe.class)).isEmpty();
            assertThat(server.context().getBeanNamesForType(io.socketchat.bench.BenchScanProbe.class)).isEmpty();
        }
    }

}
