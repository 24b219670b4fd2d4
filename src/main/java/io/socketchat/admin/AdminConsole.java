package io.socketchat.admin;

import io.socketchat.start.Terminals;
import io.socketchat.config.ChatProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.shell.core.ShellRunner;
import org.springframework.stereotype.Component;

/**
 * Runs the Spring Shell admin console on a thread of its own. The shell's own runner
 * would hold start-up until the console closed (no readiness, health 503) and would read
 * program arguments as a command; defining this runner replaces it. The console starts
 * only when enabled and standard input and output are a terminal.
 */
@Component
class AdminConsole implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminConsole.class);

    private final ShellRunner shell;

    private final ChatProperties properties;

    AdminConsole(ShellRunner shell, ChatProperties properties) {
        this.shell = shell;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.console().enabled()) {
            log.info("Admin console disabled (chat.console.enabled=false)");
            return;
        }
        if (!Terminals.interactive()) {
            log.info("No terminal on standard input: running without the admin console");
            return;
        }
        Thread console = new Thread(this::runShell, "admin-console");
        console.setDaemon(true);
        console.start();
    }

    private void runShell() {
        try {
            shell.run(new String[0]);
            log.info("Admin console closed; the chat server keeps running (stop it with SIGTERM)");
        }
        catch (Exception ex) {
            log.warn("Admin console stopped: {}", ex.getMessage());
        }
    }

}
