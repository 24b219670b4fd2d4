package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.admin.AdminCommands;
import io.socketchat.room.Reception;
import org.junit.jupiter.api.Test;

/**
 * The server's contexts leave the client's and the bench's packages alone: they start
 * contexts of their own (or none), and a component there must not become part of the
 * server. The chat's beans live in the first context only, the rest's in the second.
 */
class ServerScanTest {

    @Test
    void theServersScanFindsItsOwnPackagesButNotTheClientsOrTheBenchs() {
        try (RunningServer server = RunningServer.start()) {
            assertThat(server.context().getBeanNamesForType(AdminCommands.class)).hasSize(1);
            assertThat(server.context().getBeanNamesForType(io.socketchat.client.ClientScanProbe.class)).isEmpty();
            assertThat(server.context().getBeanNamesForType(io.socketchat.bench.BenchScanProbe.class)).isEmpty();
            assertThat(server.context().getBeanNamesForType(Reception.class)).isEmpty();
            assertThat(server.context().getParent().getBeanNamesForType(Reception.class)).hasSize(1);
            assertThat(server.context().getParent().getBeanNamesForType(AdminCommands.class)).isEmpty();
            assertThat(server.context().getParent().getBeanNamesForType(io.socketchat.client.ClientScanProbe.class))
                .isEmpty();
        }
    }

}
