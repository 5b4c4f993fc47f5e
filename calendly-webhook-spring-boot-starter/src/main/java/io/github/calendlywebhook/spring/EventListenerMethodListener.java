package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.event.CalendlyEvent;
import io.github.calendlywebhook.core.event.CalendlyEventListener;
import io.github.calendlywebhook.core.event.ListenerContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Calls one {@code @EventListener} method for the events of its parameter type, passing the
 * {@link ListenerContext} when the method declares one. The bean is looked up at each call, so the
 * dispatcher can be built before the listener's bean exists. What the method throws is rethrown, so
 * the dispatcher retries it.
 */
final class EventListenerMethodListener implements CalendlyEventListener {

    private final BeanFactory beanFactory;
    private final String beanName;
    private final Method method;
    private final Class<?> eventType;

    EventListenerMethodListener(BeanFactory beanFactory, String beanName, Method method, Class<?> eventType) {
        this.beanFactory = beanFactory;
        this.beanName = beanName;
        this.method = method;
        this.eventType = Objects.requireNonNull(eventType, "eventType");
    }

    @Override
    public void onEvent(CalendlyEvent event, ListenerContext context) {
        if (!eventType.isInstance(event)) {
            return;
        }
        Object bean = beanFactory.getBean(beanName);
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        Class<?>[] types = invocable.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i] == ListenerContext.class ? context : event;
        }
        try {
            invocable.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(cause, cause == null ? null : cause.getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    @Override
    public String toString() {
        return "@EventListener " + method;
    }
}
