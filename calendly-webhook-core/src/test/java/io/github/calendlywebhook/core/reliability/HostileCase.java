package io.github.calendlywebhook.core.reliability;

import io.github.calendlywebhook.test.RawRequest;
import java.util.function.Supplier;

/**
 * One hostile request and the status the endpoint must answer with. The request is built when it is
 * sent, so its signature timestamp is fresh.
 *
 * @param name what the case tries
 * @param expectedStatus the required status
 * @param request builds the request
 */
public record HostileCase(String name, int expectedStatus, Supplier<RawRequest> request) {

    @Override
    public String toString() {
        return expectedStatus + " " + name;
    }
}
