package io.socketchat.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The chat's context and the rest's, as {@link ServerStart} wires them, with a stand-in
 * for the chat's orderly shutdown.
 */
class RestOfServerTest {

    @Test
    void readinessTurnsToRefusingBeforeTheChatsShutdownAndTheRestClosesAfterIt() {
        AtomicReference<ReadinessState> duringChatShutdown = new AtomicReference<>();
        AtomicReference<Boolean> restOpenDuringChatShutdown = new AtomicReference<>();
        GenericApplicationContext chat = new GenericApplicationContext();
        chat.registerBean(RestOfServer.class);
        GenericApplicationContext rest = new GenericApplicationContext();
        rest.registerBean(ApplicationAvailabilityBean.class);
        chat.registerBean("orderlyShutdown", SmartLifecycle.class, () -> new ChatShutdownStandIn(() -> {
            duringChatShutdown.set(rest.getBean(ApplicationAvailability.class).getReadinessState());
            restOpenDuringChatShutdown.set(rest.isActive());
        }));
        chat.refresh();
        rest.setParent(chat);
        assertThat(chat.getBean(RestOfServer.class).starting(rest)).isTrue();
        rest.refresh();
        AvailabilityChangeEvent.publish(rest, ReadinessState.ACCEPTING_TRAFFIC);

        chat.close();

        assertThat(duringChatShutdown).hasValue(ReadinessState.REFUSING_TRAFFIC);
        assertThat(restOpenDuringChatShutdown).hasValue(true);
        assertThat(rest.isActive()).isFalse();
    }

    @Test
    void aRestThatWouldStartWhileTheChatStopsIsRefused() {
        GenericApplicationContext chat = new GenericApplicationContext();
        chat.registerBean(RestOfServer.class);
        chat.refresh();
        RestOfServer restOfServer = chat.getBean(RestOfServer.class);
        chat.close();

        assertThat(restOfServer.starting(new GenericApplicationContext())).isFalse();
    }

    /** Stops first, as the chat's own lifecycle does. */
    private record ChatShutdownStandIn(Runnable onStop) implements SmartLifecycle {

        @Override
        public void start() {
        }

        @Override
        public void stop() {
            onStop.run();
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }

    }

}
