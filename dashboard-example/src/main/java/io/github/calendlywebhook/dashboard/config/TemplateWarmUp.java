package io.github.calendlywebhook.dashboard.config;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Initialises the template engine on a background thread as soon as the engine exists, while the rest of the
 * application starts on the main thread. Otherwise the first page served after a start, the login page the
 * health check reads, sets up the engine's dialects, processors and parsers on the request (about 0.1 s of
 * its 0.3 s on two cores). Each template is read once with a fragment selector that matches nothing: the
 * parser runs over it and nothing is rendered, since rendering needs a web request (its links and request
 * parameters).
 */
@Component
class TemplateWarmUp implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateWarmUp.class);
    private static final String TEMPLATES = "classpath:/templates/";
    private static final String SUFFIX = ".html";
    /** A fragment selector no template defines: the template is parsed, nothing of it is rendered. */
    private static final String NOTHING = "template-warm-up-selects-nothing";

    private volatile @Nullable Thread thread;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof ITemplateEngine engine && thread == null) {
            Thread warmUp = new Thread(() -> warmUp(engine), "template-warm-up");
            warmUp.setDaemon(true);
            thread = warmUp;
            warmUp.start();
        }
        return bean;
    }

    /**
     * Waits for the warm-up to end.
     *
     * @param timeout the longest wait
     * @return whether it ended (or never started)
     */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        Thread warmUp = thread;
        if (warmUp == null) {
            return true;
        }
        warmUp.join(Math.max(1, timeout.toMillis()));
        return !warmUp.isAlive();
    }

    private static void warmUp(ITemplateEngine engine) {
        for (String template : templateNames()) {
            try {
                engine.process(new TemplateSpec(template, Set.of(NOTHING), TemplateMode.HTML, null), new Context(Locale.ROOT),
                        Writer.nullWriter());
            } catch (RuntimeException e) {
                LOG.debug("Could not parse template {} ahead ({})", template, e.toString());
            }
        }
    }

    private static List<String> templateNames() {
        List<String> names = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(TEMPLATES + "**/*" + SUFFIX)) {
                String url = resource.getURL().toString();
                int start = url.lastIndexOf("/templates/") + "/templates/".length();
                names.add(url.substring(start, url.length() - SUFFIX.length()));
            }
        } catch (IOException e) {
            LOG.debug("Could not list the templates to parse ahead ({})", e.toString());
        }
        return names;
    }
}
