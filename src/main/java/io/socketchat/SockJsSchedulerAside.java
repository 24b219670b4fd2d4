package io.socketchat;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Integration's WebSocket support registers a SockJS task scheduler whenever it is
 * on the class path, beside the application's own {@code taskScheduler}: two candidates,
 * and every bean that asks for "the" TaskScheduler (the reception's login timers) would
 * fail to start. SockJS is not used here, so its scheduler is kept out of autowiring.
 */
@Configuration(proxyBeanMethods = false)
class SockJsSchedulerAside {

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
