package io.github.calendlywebhook.spring;

import java.util.Map;

/**
 * What a health indicator of either Spring Boot line reported, in types both lines share.
 *
 * @param status the status code, such as {@code UP}
 * @param details the details
 */
public record IndicatorHealth(String status, Map<String, Object> details) {
}
