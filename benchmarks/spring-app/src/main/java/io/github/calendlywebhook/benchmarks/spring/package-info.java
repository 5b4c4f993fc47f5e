/** The Spring Boot application of the HTTP load test. */
@NullMarked
package io.github.calendlywebhook.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
