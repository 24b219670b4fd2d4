package io.socketchat;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Spring Integration registers its WebSocket handler mapping in every context where it
 * finds the Servlet API, the chat's too, with a {@code new PathPatternParser()} as a
 * property value, which the build's ahead-of-time processing cannot write as code (the
 * build fails). The mapping uses an equal parser by default, so the value is dropped.
 */
final class PatternParserAsDefault implements BeanFactoryPostProcessor {

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
