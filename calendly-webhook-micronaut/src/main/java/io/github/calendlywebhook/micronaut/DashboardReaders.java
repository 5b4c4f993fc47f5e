package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.metrics.CalendlyWebhookMetrics;
import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import io.github.calendlywebhook.core.store.ProjectingEventStore;
import io.micronaut.context.BeanContext;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.BeanDefinitionReference;
import io.micronaut.inject.FieldInjectionPoint;
import io.micronaut.inject.MethodInjectionPoint;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds the application's beans that read the dashboard numbers, from the bean definitions Micronaut
 * computed at compile time: those (not the adapter's own, nor Micronaut's) that are enabled and have a constructor, field or method injection
 * point of type {@link DashboardMetrics}, {@link ProjectingEventStore} or
 * {@link InMemoryEventStore}, directly or as a type argument ({@code BeanProvider<DashboardMetrics>}), and
 * the adapter's booked-appointments gauge when Micrometer is in use.
 */
final class DashboardReaders {

    private static final List<Class<?>> READ_TYPES = List.of(DashboardMetrics.class,
            ProjectingEventStore.class, InMemoryEventStore.class);

    private DashboardReaders() {
    }

    static Set<String> of(BeanContext context) {
        Set<String> readers = new TreeSet<>();
        for (BeanDefinitionReference<?> reference : context.getBeanDefinitionReferences()) {
            BeanDefinition<?> definition = applicationBean(context, reference);
            if (definition != null && !own(definition) && injectsAReadType(definition)) {
                readers.add(definition.getBeanType().getName());
            }
        }
        if (ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry", DashboardReaders.class.getClassLoader())
                && gauged(context)) {
            readers.add("the booked-appointments gauge");
        }
        return readers;
    }

    /** Loads an enabled bean definition outside Micronaut's own packages, or returns null. */
    private static @Nullable BeanDefinition<?> applicationBean(BeanContext context, BeanDefinitionReference<?> reference) {
        if (reference.getBeanDefinitionName().startsWith("io.micronaut.")) {
            return null;
        }
        try {
            return reference.isPresent() && reference.isEnabled(context) ? reference.load(context) : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean gauged(BeanContext context) {
        return context.containsBean(CalendlyWebhookMetrics.class);
    }

    private static boolean injectsAReadType(BeanDefinition<?> definition) {
        List<Argument<?>> points = new ArrayList<>(List.of(definition.getConstructor().getArguments()));
        for (FieldInjectionPoint<?, ?> field : definition.getInjectedFields()) {
            points.add(field.asArgument());
        }
        for (MethodInjectionPoint<?, ?> method : definition.getInjectedMethods()) {
            points.addAll(List.of(method.getArguments()));
        }
        return points.stream().anyMatch(DashboardReaders::reads);
    }

    private static boolean reads(Argument<?> argument) {
        return READ_TYPES.stream().anyMatch(type -> type.isAssignableFrom(argument.getType()))
                || List.of(argument.getTypeParameters()).stream().anyMatch(DashboardReaders::reads);
    }

    private static boolean own(BeanDefinition<?> definition) {
        Class<?> declaring = definition.getDeclaringType().orElse(definition.getBeanType());
        return Objects.equals(location(declaring), location(DashboardReaders.class));
    }

    private static @Nullable URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
