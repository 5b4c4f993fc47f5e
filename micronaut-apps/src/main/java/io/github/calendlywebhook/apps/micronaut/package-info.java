/**
 * A Micronaut application built on the adapter the way a user builds one, run as a jar by its integration tests.
 */
@NullMarked
package io.github.calendlywebhook.apps.micronaut;

import org.jspecify.annotations.NullMarked;
