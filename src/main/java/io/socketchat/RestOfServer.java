package io.socketchat;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The rest of the server (web page, health and metrics, admin console), a child context
 * of the chat's, started once the chat port listens. It closes with the chat's context:
 * right after the chat's orderly shutdown has told every user, browsers included (which
 * the web side still writes to), and before the TCP side stops.
 */
final class RestOfServer implements SmartLifecycle {

    private volatile ConfigurableApplicationContext context;

    private volatile boolean running;

    void starting(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ConfigurableApplicationContext rest = context;
        if (rest != null) {
            rest.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops just after the chat's own lifecycle ({@code Integer.MAX_VALUE}), which tells
     * everyone the server is going away.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

}
