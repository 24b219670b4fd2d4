package io.socketchat;

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

/**
 * One jar, three programs: the chat server (default), the {@code client} profile and the
 * {@code bench} profile. The client and the benchmark are plain mains without an
 * application context, so the server's component scan leaves their packages alone: the
 * directly declared {@code @ComponentScan} takes the place of the one
 * {@code @SpringBootApplication} carries (Spring uses the meta-annotation only when none
 * is declared), so it repeats Boot's two filters and adds the regex one. ServerScanTest
 * proves it with a component in each of those packages.
 * <p>
 * Spring Shell's own auto-configuration is excluded:
 * {@code admin.AdminShellConfiguration} imports all of it but its JLine part, which the
 * client's line reader would otherwise switch on.
 */
@SpringBootApplication(exclude = SpringShellAutoConfiguration.class)
@ConfigurationPropertiesScan(basePackages = "io.socketchat.config")
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.socketchat\\.(client|bench)\\..*") })
public class SocketChatApplication {

    public static void main(String[] args) {
        switch (LaunchMode.of(args, System.getenv("SPRING_PROFILES_ACTIVE"))) {
            case CLIENT -> ChatClientApplication.main(args);
            case BENCH -> BenchApplication.main(args);
            case SERVER -> {
                SpringApplication server = new SpringApplication(SocketChatApplication.class);
                AheadOfTimeContext.useIfBuilt(server);
                server.run(args);
            }
        }
    }

}
