/** A small Spring Boot application on the starter, built per supported Spring Boot line. */
@NullMarked
package io.github.calendlywebhook.apps;

import org.jspecify.annotations.NullMarked;
