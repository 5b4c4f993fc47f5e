/**
 * The storage SPI for webhook events and its in-memory and JDBC implementations.
 */
@NullMarked
package io.github.calendlywebhook.core.store;

import org.jspecify.annotations.NullMarked;
