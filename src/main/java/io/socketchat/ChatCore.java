package io.socketchat;

import java.util.List;

import io.socketchat.config.ChatProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.support.converter.ConfigurableCompositeMessageConverter;
import org.springframework.integration.support.converter.ObjectStringMessageConverter;
import org.springframework.messaging.converter.ByteArrayMessageConverter;

/**
 * What the chat port needs and nothing more: the settings, the room, the TCP side and,
 * with several nodes, Redis. {@link ServerStart} starts this context first, so the port
 * opens before the web page, the health endpoints and the console (most of start-up) are
 * loaded; they follow as a child context that uses these beans.
 * <p>
 * Only the few auto-configurations these beans rely on: Spring Integration, the scheduler
 * (login timers, the unframed clients' pause) and SSL bundles (the TLS port).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
@ImportAutoConfiguration({ IntegrationAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
        SslAutoConfiguration.class })
@ComponentScan({ "io.socketchat.room", "io.socketchat.server", "io.socketchat.cluster" })
@Import({ RestOfServer.class, SockJsSchedulerAside.class })
class ChatCore {

    @Bean
    static PatternParserAsDefault patternParserAsDefault() {
        return new PatternParserAsDefault();
    }

    /**
     * Spring Integration's converter of handler method arguments, which by default builds
     * a JSON mapper (a few hundred classes) while the server starts. The handlers take
     * messages as they come (lines, frames, batches): text and bytes are all it could
     * convert.
     */
    @Bean(IntegrationContextUtils.ARGUMENT_RESOLVER_MESSAGE_CONVERTER_BEAN_NAME)
    static ConfigurableCompositeMessageConverter argumentConverterWithoutJson() {
        return new ConfigurableCompositeMessageConverter(
                List.of(new ObjectStringMessageConverter(), new ByteArrayMessageConverter()));
    }

}
