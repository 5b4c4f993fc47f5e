package io.github.calendlywebhook.spring;

import java.lang.reflect.Method;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Keeps Spring's event multicaster away from the {@code @EventListener} methods the listener dispatcher
 * calls ({@link EventListenerMethods#owns}), so each runs once per attempt and never twice: for them it
 * creates a listener that accepts no event. Ordered before Spring's own factories.
 */
final class DispatchedEventListenerFactory implements EventListenerFactory, Ordered {

    @Override
    public boolean supportsMethod(Method method) {
        return EventListenerMethods.owns(method);
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        return new Ignoring();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    /** A listener that supports no event type. */
    private static final class Ignoring implements GenericApplicationListener {

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            return false;
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
        }
    }
}
