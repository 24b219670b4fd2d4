package io.socketchat.start;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The rest of the server (web page, health and metrics, admin console), a child context
 * of the chat's, started once the chat port listens. It closes with the chat's context:
 * the moment that begins, its readiness turns to refusing traffic (a load balancer sends
 * no one to a node that turns newcomers away); right after the chat's orderly shutdown
 * has told every user, browsers included (which the web side still writes to), it closes,
 * before the TCP side stops.
 */
final class RestOfServer implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

    private ApplicationContext chat;

    /** Guarded by this. */
    private ConfigurableApplicationContext context;

    /** Guarded by this. */
    private boolean stopping;

    private volatile boolean running;

    @Override
    public void setApplicationContext(ApplicationContext chat) {
        this.chat = chat;
    }

    /**
     * The rest is starting; false when the chat is already stopping (a SIGTERM just after
     * the port opened), and the rest must not start at all.
     */
    synchronized boolean starting(ConfigurableApplicationContext context) {
        if (stopping) {
            return false;
        }
        this.context = context;
        return true;
    }

    /** The chat's context begins to close: before any of its lifecycles stops. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        // the rest's own events reach this context too
        if (event.getApplicationContext() != chat) {
            return;
        }
        ConfigurableApplicationContext rest = stopping();
        if (rest != null && rest.isActive()) {
            AvailabilityChangeEvent.publish(rest, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ConfigurableApplicationContext rest = stopping();
        if (rest != null) {
            // closing it again (it may already be closed) does nothing
            rest.close();
        }
    }

    /** From now on no rest starts; the one started, if any. */
    private synchronized ConfigurableApplicationContext stopping() {
        stopping = true;
        return context;
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
