/**
 * Spring Boot auto-configuration of the Calendly webhook endpoint: properties under
 * {@code calendly.webhook}, the servlet endpoint, typed application events, storage, metrics,
 * health and Spring Security integration.
 */
@NullMarked
package io.github.calendlywebhook.spring;

import org.jspecify.annotations.NullMarked;
