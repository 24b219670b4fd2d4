package io.socketchat;

import java.security.CodeSource;

import io.socketchat.bench.BenchApplication;
import io.socketchat.client.ChatClientApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration;
import org.springframework.util.ClassUtils;

/**
 * One jar, three programs: the chat server (default), the {@code client} profile and the
 * {@code bench} profile. The client and the benchmark are plain mains without an application
 * context, so the server's component scan leaves their packages alone: the directly declared
 * {@code @ComponentScan} takes the place of the one {@code @SpringBootApplication} carries (Spring
 * uses the meta-annotation only when none is declared), so it repeats Boot's two filters and adds
 * the regex one. ServerScanTest proves it with a component in each of those packages.
 * <p>
 * Spring Shell's own auto-configuration is excluded: {@code admin.AdminShellConfiguration}
 * imports all of it but its JLine part, which the client's line reader would otherwise switch on.
 */
@SpringBootApplication(exclude = SpringShellAutoConfiguration.class)
@ConfigurationPropertiesScan(basePackages = "io.socketchat.config")
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.socketchat\\.(client|bench)\\..*") })
public class SocketChatApplication {

    private static final String AOT_ENABLED = "spring.aot.enabled";

    public static void main(String[] args) {
        switch (LaunchMode.of(args, System.getenv("SPRING_PROFILES_ACTIVE"))) {
            case CLIENT -> ChatClientApplication.main(args);
            case BENCH -> BenchApplication.main(args);
            case SERVER -> {
                useAheadOfTimeContextIfBuilt();
                SpringApplication.run(SocketChatApplication.class, args);
            }
        }
    }

    /**
     * The build works out the server's context ahead of time ({@code process-aot}): bean
     * definitions as plain code, no configuration class parsing or condition evaluation at
     * start-up. Used when those classes are in the jar, unless told otherwise
     * ({@code -Dspring.aot.enabled=false}); never while the build itself is generating them,
     * and only from a jar, where they were built with the code beside them (in target/classes
     * they may be older than the code just compiled).
     */
    static void useAheadOfTimeContextIfBuilt() {
        if (System.getProperty(AOT_ENABLED) == null && !Boolean.getBoolean("spring.aot.processing")
                && runsFromJar() && ClassUtils.isPresent(SocketChatApplication.class.getName() + "__ApplicationContextInitializer",
                        SocketChatApplication.class.getClassLoader())) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    private static boolean runsFromJar() {
        CodeSource source = SocketChatApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        return location.startsWith("jar:") || location.endsWith(".jar");
    }
}
