package io.github.calendlywebhook.benchmarks.spring;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The load test's same-application baseline: reads the whole body and answers 200, checking nothing. */
@RestController
public class BaselineController {

    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * Accepts any body.
     *
     * @param body the body, read in full
     * @return 200 with a fixed JSON body
     */
    @PostMapping(path = "/baseline", consumes = MediaType.ALL_VALUE)
    public ResponseEntity<byte[]> baseline(@RequestBody(required = false) byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OK);
    }
}
