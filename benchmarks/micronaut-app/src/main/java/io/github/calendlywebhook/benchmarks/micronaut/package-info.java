/** The Micronaut application of the HTTP load test. */
@NullMarked
package io.github.calendlywebhook.benchmarks.micronaut;

import org.jspecify.annotations.NullMarked;
