package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.micronaut.aop.Adapter;
import io.micronaut.context.BeanContext;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds the application's listeners of Calendly events, {@code @EventListener} methods included (Micronaut
 * compiles each into an {@link ApplicationEventListener} bean), which the listener dispatcher calls at
 * least once instead of Micronaut's event publisher. Each becomes a dispatcher listener whose id is the
 * qualified name of its method with the parameter types, stable across restarts and instances; the bean is
 * looked up when the listener first runs.
 */
final class ApplicationEventListeners {

    private ApplicationEventListeners() {
    }

    /** Returns a listener per bean listening to Calendly events (or to a supertype of them), by id. */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    static Map<String, CalendlyEventListener> find(BeanContext context) {
        Map<String, CalendlyEventListener> listeners = new LinkedHashMap<>();
        for (BeanDefinition<ApplicationEventListener> definition : context.getBeanDefinitions(ApplicationEventListener.class)) {
            List<Argument<?>> arguments = definition.getTypeArguments(ApplicationEventListener.class);
            Class<?> type = arguments.isEmpty() ? Object.class : arguments.get(0).getType();
            if (!CalendlyEvent.class.isAssignableFrom(type) && !type.isAssignableFrom(CalendlyEvent.class)) {
                continue;
            }
            String id = id(definition, type);
            if (listeners.putIfAbsent(id, new Call(context, (BeanDefinition) definition, type)) != null) {
                throw new IllegalStateException("calendly.webhook.listeners: two event listeners have the listener id '"
                        + id + "' (two beans of one class?)");
            }
        }
        return listeners;
    }

    private static String id(BeanDefinition<?> definition, Class<?> type) {
        for (AnnotationMetadata metadata : metadata(definition)) {
            String bean = metadata.classValue(Adapter.class, Adapter.InternalAttributes.ADAPTED_BEAN)
                    .map(adapted -> adapted.getName()).orElse(null);
            String method = metadata.stringValue(Adapter.class, Adapter.InternalAttributes.ADAPTED_METHOD).orElse(null);
            if (bean != null && method != null) {
                Class<?>[] parameters = metadata.classValues(Adapter.class,
                        Adapter.InternalAttributes.ADAPTED_ARGUMENT_TYPES);
                return bean + "." + method + (parameters.length == 0 ? "(" + type.getName() + ")" : Arrays
                        .stream(parameters).map(Class::getName).collect(Collectors.joining(",", "(", ")")));
            }
        }
        return definition.getBeanType().getName() + ".onApplicationEvent(" + type.getName() + ")";
    }

    private static List<AnnotationMetadata> metadata(BeanDefinition<?> definition) {
        List<AnnotationMetadata> metadata = new ArrayList<>();
        metadata.add(definition.getAnnotationMetadata());
        definition.getExecutableMethods().forEach(method -> metadata.add(method.getAnnotationMetadata()));
        return metadata;
    }

    /** Calls one listener bean for the events it supports; what it throws is rethrown, so it is retried. */
    private static final class Call implements CalendlyEventListener {

        private final BeanContext context;
        private final BeanDefinition<ApplicationEventListener<Object>> definition;
        private final Class<?> type;

        Call(BeanContext context, BeanDefinition<ApplicationEventListener<Object>> definition, Class<?> type) {
            this.context = context;
            this.definition = Objects.requireNonNull(definition, "definition");
            this.type = type;
        }

        @Override
        public void onEvent(CalendlyEvent event) {
            if (!type.isInstance(event)) {
                return;
            }
            ApplicationEventListener<Object> listener = context.getBean(definition);
            if (listener.supports(event)) {
                listener.onApplicationEvent(event);
            }
        }

        @Override
        public String toString() {
            return "listener " + definition.getBeanType().getName();
        }
    }
}
