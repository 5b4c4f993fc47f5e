package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;

/**
 * Finds the application's {@code @EventListener} methods for Calendly events, which the listener
 * dispatcher calls at least once instead of Spring's event multicaster. A method qualifies when it is
 * annotated {@code @EventListener} itself (not a composed annotation such as
 * {@code @TransactionalEventListener}), sets no {@code condition} and no {@code classes}, and takes one
 * {@link CalendlyEvent} type and optionally a {@link ListenerContext}. Other methods stay plain
 * application events.
 */
final class EventListenerMethods {

    private EventListenerMethods() {
    }

    /** Returns whether the dispatcher calls this method. */
    static boolean owns(Method method) {
        EventListener annotation = method.getDeclaredAnnotation(EventListener.class);
        if (annotation == null || !annotation.condition().isEmpty() || annotation.classes().length > 0) {
            return false;
        }
        return eventType(method) != null;
    }

    /** Returns the method's Calendly event parameter type, or {@code null} when its parameters do not fit. */
    static @Nullable Class<?> eventType(Method method) {
        Class<?> eventType = null;
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter == ListenerContext.class) {
                continue;
            }
            if (eventType != null || !CalendlyEvent.class.isAssignableFrom(parameter)) {
                return null;
            }
            eventType = parameter;
        }
        return method.getParameterCount() <= 2 ? eventType : null;
    }

    /**
     * Returns the listener id of a method: the annotation's {@code id}, else its qualified name with its
     * parameter types, which stays the same across restarts and instances.
     */
    static String id(Method method) {
        String explicit = method.getDeclaredAnnotation(EventListener.class).id();
        if (!explicit.isBlank()) {
            return explicit;
        }
        return method.getDeclaringClass().getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getName).collect(Collectors.joining(",", "(", ")"));
    }

    /**
     * Returns a listener per qualifying method of every bean, by id, without creating any bean: each bean
     * is looked up when its listener first runs.
     */
    static Map<String, EventListenerMethodListener> find(ConfigurableListableBeanFactory beanFactory) {
        Map<String, EventListenerMethodListener> listeners = new LinkedHashMap<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = ScopedProxyUtils.isScopedTarget(beanName) ? null : targetClass(beanFactory, beanName);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Boolean>) method ->
                    owns(method) ? Boolean.TRUE : null).keySet().forEach(method -> {
                        String id = id(method);
                        if (listeners.putIfAbsent(id, new EventListenerMethodListener(beanFactory, beanName, method,
                                eventType(method))) != null) {
                            throw new IllegalStateException("calendly.webhook.listeners: two @EventListener methods "
                                    + "have the listener id '" + id + "' (two beans of one class?); give each its "
                                    + "own with @EventListener(id = ...)");
                        }
                    });
        }
        return listeners;
    }

    private static @Nullable Class<?> targetClass(ConfigurableListableBeanFactory beanFactory, String beanName) {
        try {
            return AutoProxyUtils.determineTargetClass(beanFactory, beanName);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
