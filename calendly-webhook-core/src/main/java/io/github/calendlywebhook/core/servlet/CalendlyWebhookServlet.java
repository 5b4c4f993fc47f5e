package io.github.calendlywebhook.core.servlet;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A servlet that hands every request, whatever its method, to a {@link WebhookProcessor} and writes the
 * answer back. Mount it at the webhook path of any Jakarta Servlet 6 container:
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new CalendlyWebhookServlet(processor)), "/api/webhooks/calendly");
 * }</pre>
 *
 * <p>The body is streamed to the processor, which reads no more than the configured limit. The client
 * address is the container's {@code getRemoteAddr()}; configure trusted proxies rather than letting the
 * container rewrite it from forwarding headers.
 */
public final class CalendlyWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebhookProcessor processor;

    /**
     * Creates the servlet.
     *
     * @param processor the processor that decides every answer
     */
    public CalendlyWebhookServlet(WebhookProcessor processor) {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    /**
     * Processes a request of any method and writes the JSON answer.
     *
     * @param req the servlet request
     * @param resp the servlet response
     * @throws IOException when the connection fails
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebhookRequest request = new WebhookRequest(req.getMethod(), headers(req),
                Objects.requireNonNullElse(req.getRemoteAddr(), ""), req.getInputStream(), req.getContentLengthLong());
        WebhookResponse response = processor.process(request);
        resp.setStatus(response.status());
        response.headers().forEach(resp::setHeader);
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentType(WebhookResponse.CONTENT_TYPE);
        byte[] body = response.bodyBytes();
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }

    /** Copies the headers; a header sent once (nearly all) becomes an immutable one-element list, copied no further. */
    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<String> names = req.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            headers.put(name, values(req.getHeaders(name)));
        }
        return headers;
    }

    private static List<String> values(Enumeration<String> values) {
        if (!values.hasMoreElements()) {
            return List.of();
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return List.of(first);
        }
        List<String> all = new ArrayList<>(2);
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return all;
    }
}
