/**
 * JMH benchmarks of the core, measured against peer libraries and against the cost floor of the work
 * itself, and the servers used by the HTTP load test.
 */
@NullMarked
package io.github.calendlywebhook.benchmarks;

import org.jspecify.annotations.NullMarked;
