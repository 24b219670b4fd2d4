package io.socketchat.start;

import io.socketchat.SocketChatApplication;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The chat's context ({@link ChatCore}, the first one {@link ServerStart} starts) as the
 * build works it out ahead of time ({@code process-aot}): bean definitions as plain code,
 * no configuration class parsing, scanning or condition evaluation before the port opens.
 * The rest of the server starts the ordinary way, after the port is open.
 * <p>
 * The build evaluates the conditions once, with the default settings. So the generated
 * context is used only when the settings that choose beans (the keys of
 * {@link #BUILT_WITH}) have the values it was built with; a server started as a cluster
 * node, with a TLS or IRC port or with the plain port off starts the ordinary way, never
 * with beans missing. Which settings apply is known only once Boot has read them all
 * (command line, environment, {@code application.yml}), and that is before it creates the
 * context.
 */
final class AheadOfTimeContext implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String AOT_ENABLED = "spring.aot.enabled";

    /**
     * Each setting that a {@code @Conditional} reads, with the value the build assumed.
     */
    private static final List<Setting> BUILT_WITH = List.of(new Setting("chat.cluster.enabled", "false"),
            new Setting("chat.port", null, "-1"), new Setting("chat.tls.port", ""), new Setting("chat.irc.port", ""),
            new Setting("chat.irc.tls-port", ""));

    private AheadOfTimeContext() {
    }

    /**
     * Registers the check when the generated classes are there, unless told otherwise
     * ({@code -Dspring.aot.enabled=...}); never while the build itself is generating
     * them, and only from a jar, where they were built with the code beside them (in
     * target/classes they may be older than the code just compiled).
     */
    static void useIfBuilt(SpringApplication application) {
        if (System.getProperty(AOT_ENABLED) == null && !Boolean.getBoolean("spring.aot.processing") && runsFromJar()
                && ClassUtils.isPresent(SocketChatApplication.class.getName() + "__ApplicationContextInitializer",
                        SocketChatApplication.class.getClassLoader())) {
            application.addListeners(new AheadOfTimeContext());
        }
    }

    /**
     * The next context (the rest of the server) starts the ordinary way, whoever asked
     * for generated code.
     */
    static void done() {
        System.clearProperty(AOT_ENABLED);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        System.setProperty(AOT_ENABLED, Boolean.toString(asBuilt(event.getEnvironment())));
    }

    /** Whether the settings choose the beans the build chose. */
    static boolean asBuilt(Environment environment) {
        return BUILT_WITH.stream().allMatch(setting -> setting.holdsIn(environment));
    }

    private static boolean runsFromJar() {
        CodeSource source = SocketChatApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        return location.startsWith("jar:") || location.endsWith(".jar");
    }

    /**
     * A setting the build assumed: unset, or set to {@code builtWith} (when not null),
     * and in any case not {@code otherThan} (when not null).
     */
    record Setting(String key, String builtWith, String otherThan) {

        Setting(String key, String builtWith) {
            this(key, builtWith, null);
        }

        boolean holdsIn(Environment environment) {
            String value = environment.getProperty(key);
            if (value == null) {
                return true;
            }
            String normalised = value.strip();
            return (builtWith == null || builtWith.equalsIgnoreCase(normalised))
                    && (otherThan == null || !Objects.equals(otherThan, normalised));
        }
    }

}
