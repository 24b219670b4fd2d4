package io.socketchat;

import java.util.List;

import io.socketchat.bench.BenchApplication;
import io.socketchat.client.ChatClientApplication;
import io.socketchat.start.JarHelp;
import io.socketchat.start.LaunchMode;
import io.socketchat.start.ServerStart;
import io.socketchat.start.SockJsSchedulerWorkaround;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.support.converter.ConfigurableCompositeMessageConverter;
import org.springframework.integration.support.converter.ObjectStringMessageConverter;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration;

/**
 * One jar, three programs: the chat server (default), the {@code client} profile and the
 * {@code bench} profile. The client and the benchmark are plain mains without an
 * application context.
 * <p>
 * As a configuration, this is the server's second context ({@link ServerStart}): the web
 * page, health and metrics, and the admin console, on top of the chat's own
 * ({@code start.ChatCore}). Its scan names its packages (the directly declared
 * {@code @ComponentScan} takes the place of the one {@code @SpringBootApplication}
 * carries), so neither the chat's beans nor the client's or the bench's become part of
 * it. ServerScanTest proves it.
 * <p>
 * Spring Shell's own auto-configuration is excluded:
 * {@code admin.AdminShellConfiguration} imports all of it but its JLine part, which the
 * client's line reader would otherwise switch on.
 */
@SpringBootApplication(exclude = SpringShellAutoConfiguration.class)
@ComponentScan({ // the packages of the rest of the server, one a line
        "io.socketchat.admin", //
        "io.socketchat.health", //
        "io.socketchat.web", //
})
@Import(SockJsSchedulerWorkaround.class)
public class SocketChatApplication {

    public static void main(String[] args) {
        switch (LaunchMode.of(args, System.getenv("SPRING_PROFILES_ACTIVE"))) {
            case CLIENT -> ChatClientApplication.main(args);
            case BENCH -> BenchApplication.main(args);
            case SERVER -> {
                if (LaunchMode.asksForHelp(args)) {
                    System.out.print(JarHelp.TEXT);
                }
                else {
                    ServerStart.run(args);
                }
            }
        }
    }

    /**
     * Spring Integration's converter of handler method arguments, which by default builds
     * a JSON mapper (a few hundred classes) while the server starts. The browser flows'
     * handlers take messages as they come: text and bytes are all it could convert.
     */
    @Bean(IntegrationContextUtils.ARGUMENT_RESOLVER_MESSAGE_CONVERTER_BEAN_NAME)
    static ConfigurableCompositeMessageConverter argumentConverterWithoutJson() {
        return new ConfigurableCompositeMessageConverter(
                List.of(new ObjectStringMessageConverter(), new ByteArrayMessageConverter()));
    }

}
