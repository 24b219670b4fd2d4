package io.socketchat.start;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Works around Spring Integration's WebSocket handler mapping (checked up to 7.0.5) in
 * the build's ahead-of-time processing: Spring Integration registers the mapping in every
 * context where it finds the Servlet API, the chat's too, with a
 * {@code new PathPatternParser()} as a property value, which {@code process-aot} cannot
 * write as code (the build fails). The mapping uses an equal parser by default, so the
 * value is dropped. No upstream issue was found; drop this when a Spring Integration
 * upgrade builds without it (the {@code process-aot} step says at once).
 */
final class WebSocketMappingAotWorkaround implements BeanFactoryPostProcessor {

    /** Not public in Spring Integration: known by name. */
    private static final String MAPPING = "org.springframework.integration.websocket.config.IntegrationDynamicWebSocketHandlerMapping";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (MAPPING.equals(definition.getBeanClassName())) {
                definition.getPropertyValues().removePropertyValue("patternParser");
            }
        }
    }

}
