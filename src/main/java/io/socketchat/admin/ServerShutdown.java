package io.socketchat.admin;

import java.util.concurrent.atomic.AtomicBoolean;

import io.socketchat.start.ServerStart;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The admin's {@code shutdown}: closing the context runs the chat's orderly shutdown
 * (notice, delivery within the grace period, close), then the process exits with status
 * 0.
 */
@Component
class ServerShutdown {

    private final ConfigurableApplicationContext context;

    private final AtomicBoolean started = new AtomicBoolean();

    ServerShutdown(ConfigurableApplicationContext context) {
        this.context = context;
    }

    void begin() {
        if (started.compareAndSet(false, true)) {
            // not on the console's thread: the context waits for nothing the console
            // holds
            Thread exit = new Thread(() -> System.exit(SpringApplication.exit(ServerStart.whole(context), () -> 0)),
                    "chat-shutdown");
            exit.start();
        }
    }

}
