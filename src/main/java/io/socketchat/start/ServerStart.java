package io.socketchat.start;

import io.socketchat.SocketChatApplication;
import java.util.function.Supplier;

import io.socketchat.room.Reception;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the server starts: the chat first ({@link ChatCore}: settings, room, TCP side), so
 * the port welcomes users as soon as those are up; then the rest
 * ({@link SocketChatApplication}: web page, health and metrics, admin console) as a child
 * context that uses the chat's beans. Readiness still means "chat port listening": the
 * health endpoints exist only once the port is open, and report it.
 */
public final class ServerStart {

    private ServerStart() {
    }

    /**
     * Starts the server; returns the rest's context, which also finds the chat's beans.
     * Closing {@link #whole} of it stops the server.
     */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication chat = withoutBackgroundPreinitializing(() -> new SpringApplication(ChatCore.class));
        chat.setWebApplicationType(WebApplicationType.NONE);
        chat.setMainApplicationClass(SocketChatApplication.class);
        chat.setLogStartupInfo(false);
        AheadOfTimeContext.useIfBuilt(chat);
        ConfigurableApplicationContext core;
        try {
            core = chat.run(args);
        }
        finally {
            AheadOfTimeContext.done();
        }
        // whatever stops the rest from starting (an Error too) stops the chat: no chat
        // without its health endpoints and console
        try {
            RestOfServer restOfServer = core.getBean(RestOfServer.class);
            loadNameTablesAside();
            SpringApplication rest = new SpringApplication(SocketChatApplication.class);
            // the chat's context closes this one after its orderly shutdown, even one
            // still starting (a SIGTERM during start-up)
            rest.addInitializers(context -> {
                context.setParent(core);
                if (!restOfServer.starting(context)) {
                    throw new IllegalStateException("The server is stopping");
                }
            });
            rest.setRegisterShutdownHook(false);
            return rest.run(args);
        }
        catch (Throwable ex) {
            core.close();
            throw ex;
        }
    }

    /**
     * Spring Boot warms up Jackson, Tomcat and the like on a thread of its own: for the
     * rest of the server, whose start it speeds up, not during the chat's, where it would
     * only compete for the cores. (Boot reads the setting when it creates an
     * application.)
     */
    private static SpringApplication withoutBackgroundPreinitializing(Supplier<SpringApplication> application) {
        String ignore = "spring.backgroundpreinitializer.ignore";
        if (System.getProperty(ignore) != null) {
            return application.get();
        }
        System.setProperty(ignore, "true");
        try {
            return application.get();
        }
        finally {
            System.clearProperty(ignore);
        }
    }

    /** The context to close (or exit) to stop the whole server: the chat's. */
    public static ConfigurableApplicationContext whole(ConfigurableApplicationContext context) {
        ApplicationContext parent = context.getParent();
        return parent instanceof ConfigurableApplicationContext chat ? chat : context;
    }

    /**
     * The name tables (ICU) take a few hundred milliseconds to load: on the other core
     * while the rest starts, not before the port opens.
     */
    private static void loadNameTablesAside() {
        Thread tables = new Thread(Reception::loadNameTables, "name-tables");
        tables.setDaemon(true);
        tables.start();
    }

}
