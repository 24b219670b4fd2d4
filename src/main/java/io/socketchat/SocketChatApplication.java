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

/**
 * One jar, three programs: the chat server (default), the {@code client} profile and the
 * {@code bench} profile. The client and the benchmark start their own, much smaller contexts,
 * so the server's component scan leaves their packages alone. (The directly declared
 * {@code @ComponentScan} replaces the one of {@code @SpringBootApplication}, which Spring
 * Shell needs to find the admin commands.)
 */
@SpringBootApplication
@ConfigurationPropertiesScan(basePackages = "io.socketchat.config")
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.socketchat\\.(client|bench)\\..*") })
public class SocketChatApplication {

    public static void main(String[] args) {
        switch (LaunchMode.of(args, System.getenv("SPRING_PROFILES_ACTIVE"))) {
            case CLIENT -> ChatClientApplication.main(args);
            case BENCH -> BenchApplication.main(args);
            case SERVER -> SpringApplication.run(SocketChatApplication.class, args);
        }
    }
}
