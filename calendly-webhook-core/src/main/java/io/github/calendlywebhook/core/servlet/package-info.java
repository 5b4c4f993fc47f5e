/**
 * A Jakarta Servlet that any servlet container can mount in front of the processor.
 */
@NullMarked
package io.github.calendlywebhook.core.servlet;

import org.jspecify.annotations.NullMarked;
