package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.ListenerContext;
import io.micronaut.context.BeanContext;
import io.micronaut.core.annotation.AnnotationUtil;
import io.micronaut.inject.BeanDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the application's {@link CalendlyEventListener} beans, which the listener dispatcher calls at least
 * once. Each is registered under its bean name: its {@code @Named} value, else its bean type's name; the
 * bean is looked up when the listener first runs, and what it throws is rethrown, so it is retried.
 */
final class CalendlyEventListenerBeans {

    private CalendlyEventListenerBeans() {
    }

    /** Returns a listener per {@link CalendlyEventListener} bean, by bean name. */
    static Map<String, CalendlyEventListener> find(BeanContext context) {
        Map<String, CalendlyEventListener> listeners = new LinkedHashMap<>();
        for (BeanDefinition<CalendlyEventListener> definition : context.getBeanDefinitions(CalendlyEventListener.class)) {
            String id = definition.stringValue(AnnotationUtil.NAMED).orElse(definition.getBeanType().getName());
            if (listeners.putIfAbsent(id, new Call(context, definition)) != null) {
                throw new IllegalStateException("calendly.webhook.listeners: two CalendlyEventListener beans have the "
                        + "listener id '" + id + "'; give each its own with @Named");
            }
        }
        return listeners;
    }

    /** Calls one listener bean. */
    private record Call(BeanContext context, BeanDefinition<CalendlyEventListener> definition)
            implements CalendlyEventListener {

        @Override
        public void onEvent(CalendlyEvent event, ListenerContext call) {
            context.getBean(definition).onEvent(event, call);
        }
    }
}
