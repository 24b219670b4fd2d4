package io.socketchat.start;

import io.socketchat.config.ChatProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * What the chat port needs and nothing more: the settings, the room, the TCP side and,
 * with several nodes, Redis. {@link ServerStart} starts this context first, so the port
 * opens before the web page, the health endpoints and the console (most of start-up) are
 * loaded; they follow as a child context that uses these beans.
 * <p>
 * Only the few auto-configurations these beans rely on: the scheduler (login timers, the
 * unframed clients' pause) and SSL bundles (the TLS port). The TCP adapters are Spring
 * Integration's, but they need none of its infrastructure (evaluation contexts, flow
 * processors, about a fifth of the classes the port used to wait for): only the rest,
 * whose flows use it, has it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
@ImportAutoConfiguration({ TaskSchedulingAutoConfiguration.class, SslAutoConfiguration.class })
@ComponentScan({ // the packages whose beans the chat port needs, one a line
        "io.socketchat.room", //
        "io.socketchat.server", //
        "io.socketchat.cluster", //
        "io.socketchat.accounts", //
        "io.socketchat.irc", //
})
@Import({ RestOfServer.class, SockJsSchedulerWorkaround.class })
class ChatCore {

    @Bean
    static WebSocketMappingAotWorkaround webSocketMappingAotWorkaround() {
        return new WebSocketMappingAotWorkaround();
    }

    /**
     * The login timers' and the unframed clients' scheduler, set up by
     * {@code spring.task.scheduling.*}; the rest's Spring Integration uses it too.
     */
    @Bean(name = "taskScheduler")
    static ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }

}
