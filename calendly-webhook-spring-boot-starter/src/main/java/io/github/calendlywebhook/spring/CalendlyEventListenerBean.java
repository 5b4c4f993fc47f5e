package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Calls a {@link CalendlyEventListener} bean for the listener dispatcher, which registers it under its
 * bean name. The bean is looked up at each call, so the dispatcher can be built before the bean exists;
 * what it throws is rethrown, so the dispatcher retries it.
 */
final class CalendlyEventListenerBean implements CalendlyEventListener {

    private final ConfigurableListableBeanFactory beanFactory;
    private final String beanName;

    private CalendlyEventListenerBean(ConfigurableListableBeanFactory beanFactory, String beanName) {
        this.beanFactory = beanFactory;
        this.beanName = beanName;
    }

    /** Returns a listener per {@link CalendlyEventListener} bean, by bean name, without creating any bean. */
    static Map<String, CalendlyEventListener> find(ConfigurableListableBeanFactory beanFactory) {
        Map<String, CalendlyEventListener> listeners = new LinkedHashMap<>();
        for (String beanName : beanFactory.getBeanNamesForType(CalendlyEventListener.class, true, false)) {
            listeners.put(beanName, new CalendlyEventListenerBean(beanFactory, beanName));
        }
        return listeners;
    }

    @Override
    public void onEvent(CalendlyEvent event, ListenerContext context) {
        beanFactory.getBean(beanName, CalendlyEventListener.class).onEvent(event, context);
    }

    @Override
    public String toString() {
        return "CalendlyEventListener bean " + beanName;
    }
}
