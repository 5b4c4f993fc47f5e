/**
 * What differs on Spring Boot 3.5: the health indicator on Spring Boot 3.5's health types and the
 * environment post-processor under Spring Boot 3.5's lookup name. Everything else is the Spring Boot
 * starter's auto-configuration, which runs on both lines.
 */
@NullMarked
package io.github.calendlywebhook.spring.boot3;

import org.jspecify.annotations.NullMarked;
