/**
 * Framework-neutral configuration of the webhook endpoint: the immutable settings, their defaults and
 * validation, and the properties base the Spring Boot and Micronaut adapters bind. A leaf: it imports
 * no other package of the core.
 */
@NullMarked
package io.github.calendlywebhook.core.config;

import org.jspecify.annotations.NullMarked;
