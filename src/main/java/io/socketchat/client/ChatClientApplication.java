package io.socketchat.client;

import java.io.IOException;

import io.socketchat.LaunchMode;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the {@code client} profile: a participant in the chat, for a terminal.
 * <p>
 * Spring is used only to read the settings ({@code --chat.host}, {@code --chat.port}, the
 * environment, {@code application-client.yml}): no auto-configuration, no component scan, so
 * nothing of the server (TCP listener, web server, admin shell) can start, and the context is
 * closed again before the user types a word.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatClientSettings.class)
public class ChatClientApplication {

    /** Exit status when the settings cannot be read, before any connection is tried. */
    static final int BAD_SETTINGS = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        ChatClientSettings settings;
        try {
            settings = settings(LaunchMode.withoutModeWord(args));
        } catch (RuntimeException e) {
            System.err.println(SettingsProblem.describe(e));
            return BAD_SETTINGS;
        }
        try (ChatConsole console = consoleOfProcess()) {
            return new ChatSession(settings, console).run().exitCode();
        }
    }

    static ChatClientSettings settings(String... args) {
        // It would warm up Jackson, validation and the like for a context that never needs them.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        SpringApplication application = new SpringApplication(ChatClientApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        // The word "client" alone must load the same application-client.yml as the profile.
        application.setAdditionalProfiles("client");
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getBean(ChatClientSettings.class);
        }
    }

    /** JLine when both ends are a terminal that can edit a line; plain lines otherwise. */
    private static ChatConsole consoleOfProcess() {
        if (System.console() == null) {
            return LineConsole.ofProcess();
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                terminal.close();
                return LineConsole.ofProcess();
            }
            return new TerminalConsole(terminal, System.getenv("NO_COLOR") == null);
        } catch (IOException e) {
            return LineConsole.ofProcess();
        }
    }
}
