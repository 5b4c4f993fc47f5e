package io.github.calendlywebhook.benchmarks.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.nio.charset.StandardCharsets;

/** The load test's same-application baseline: reads the whole body and answers 200, checking nothing. */
@Controller("/baseline")
public class BaselineController {

    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * Accepts any body.
     *
     * @param body the body, read in full
     * @return 200 with a fixed JSON body
     */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<byte[]> baseline(@Body byte[] body) {
        return HttpResponse.ok(OK);
    }
}
