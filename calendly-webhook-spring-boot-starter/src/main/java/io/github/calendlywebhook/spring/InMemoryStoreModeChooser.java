package io.github.calendlywebhook.spring;

import io.github.calendlywebhook.core.metrics.DashboardMetrics;
import io.github.calendlywebhook.core.store.InMemoryEventStore;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Decides, once every singleton of the application exists and before the web server accepts a delivery,
 * what the starter's in-memory store keeps under {@code calendly.webhook.store.in-memory.keep=auto}: the
 * dashboard counters when a bean of the application (not the starter's own) was injected with the
 * dashboard metrics, a counter source or the store itself, or when the starter's Micrometer binder gauges
 * the booked appointments; delivery keys only otherwise. Logs the choice and its reason once, whatever the
 * setting.
 */
final class InMemoryStoreModeChooser implements SmartInitializingSingleton {

    private static final Log LOG = LogFactory.getLog(InMemoryStoreModeChooser.class);
    private static final String GAUGE = "calendlyWebhookMetrics";

    private final ConfigurableListableBeanFactory beans;
    private final CalendlyWebhookProperties properties;
    private final List<String> storeNames;

    InMemoryStoreModeChooser(ConfigurableListableBeanFactory beans, CalendlyWebhookProperties properties,
            String... storeNames) {
        this.beans = beans;
        this.properties = properties;
        this.storeNames = List.of(storeNames);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : storeNames) {
            if (beans.containsSingleton(name) && beans.getSingleton(name) instanceof InMemoryEventStore) {
                choose(name, (InMemoryEventStore) beans.getSingleton(name));
            }
        }
    }

    private void choose(String storeName, InMemoryEventStore store) {
        Set<String> readers = readers(storeName);
        if (properties.getStore().getInMemory().retained(readers) == InMemoryEventStore.Retained.KEYS) {
            store.keepOnlyKeys();
        }
        LOG.info(properties.getStore().getInMemory().choice(readers));
    }

    private Set<String> readers(String storeName) {
        List<String> read = new ArrayList<>(List.of(storeName));
        read.addAll(List.of(beans.getBeanNamesForType(DashboardMetrics.class, true, false)));
        Set<String> readers = new TreeSet<>();
        if (beans.containsBean(GAUGE)) {
            readers.add(GAUGE + " (the booked-appointments gauge)");
        }
        for (String name : read) {
            for (String dependent : beans.getDependentBeans(name)) {
                if (!own(dependent)) {
                    readers.add(dependent);
                }
            }
        }
        return readers;
    }

    /** Returns whether a bean comes from a {@code @Bean} method of the starter's own configurations. */
    private boolean own(String name) {
        if (!beans.containsBeanDefinition(name)) {
            return false;
        }
        String factory = beans.getMergedBeanDefinition(name).getFactoryBeanName();
        Class<?> type = factory == null ? null : beans.getType(factory, false);
        return type != null && Objects.equals(location(ClassUtils.getUserClass(type)), location(getClass()));
    }

    private static @Nullable URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
