package io.socketchat.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketchat.admin.AdminCommands;
import io.socketchat.room.Reception;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationContext;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.ip.tcp.inbound.TcpReceivingChannelAdapter;

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

    /**
     * The chat's context holds the TCP adapters without Spring Integration's
     * infrastructure (its evaluation contexts, DSL processors and the like: about a fifth
     * of the classes loaded before the port listened); the rest, whose flows need it, has
     * it and shares the chat's scheduler.
     */
    @Test
    void onlyTheRestCarriesSpringIntegrationsInfrastructure() {
        try (RunningServer server = RunningServer.start()) {
            ApplicationContext chat = server.context().getParent();
            assertThat(chat.getBeanNamesForType(TcpReceivingChannelAdapter.class)).isNotEmpty();
            assertThat(chat.containsLocalBean(IntegrationContextUtils.INTEGRATION_GLOBAL_PROPERTIES_BEAN_NAME))
                .isFalse();
            assertThat(
                    server.context().containsLocalBean(IntegrationContextUtils.INTEGRATION_GLOBAL_PROPERTIES_BEAN_NAME))
                .isTrue();
            assertThat(server.context().containsLocalBean(IntegrationContextUtils.TASK_SCHEDULER_BEAN_NAME)).isFalse();
            assertThat(server.context().getBean(IntegrationContextUtils.TASK_SCHEDULER_BEAN_NAME))
                .isSameAs(chat.getBean(IntegrationContextUtils.TASK_SCHEDULER_BEAN_NAME));
        }
    }

}
