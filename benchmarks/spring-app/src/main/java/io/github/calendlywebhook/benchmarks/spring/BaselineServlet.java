package io.github.calendlywebhook.benchmarks.spring;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The load test's same-application baseline: reads the whole body and answers 200, checking nothing.
 * It is a plain servlet, registered the way the starter registers the webhook endpoint, so the two
 * share everything in front of them (Tomcat and the application's filters) and differ only in the work.
 */
public final class BaselineServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream body = request.getInputStream()) {
            body.readAllBytes();
        }
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(OK.length);
        response.getOutputStream().write(OK);
    }
}
