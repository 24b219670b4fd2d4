package io.socketchat.start;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Works around Spring Integration's WebSocket support (checked up to 7.0.5), which
 * registers a {@code defaultSockJsTaskScheduler} whenever it is on the class path, SockJS
 * used or not, beside the application's own {@code taskScheduler}: two candidates, and
 * every bean that asks for "the" TaskScheduler (the reception's login timers) would fail
 * to start. The same clash, with Spring's own WebSocket configuration, is
 * spring-framework#26251 (open). SockJS is not used here, so its scheduler is kept out of
 * autowiring; drop this once the scheduler is registered only for a container that uses
 * SockJS.
 */
@Configuration(proxyBeanMethods = false)
public class SockJsSchedulerWorkaround {

    private static final String SOCKJS_SCHEDULER = "defaultSockJsTaskScheduler";

    @Bean
    static BeanFactoryPostProcessor sockJsSchedulerNotAutowired() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(SOCKJS_SCHEDULER)) {
                beanFactory.getBeanDefinition(SOCKJS_SCHEDULER).setAutowireCandidate(false);
            }
        };
    }

}
