package io.github.calendlywebhook.micronaut;

import io.github.calendlywebhook.core.pipeline.WebhookProcessor;
import io.github.calendlywebhook.core.pipeline.WebhookRequest;
import io.github.calendlywebhook.core.pipeline.WebhookResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Trace;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhook endpoint at {@code calendly.webhook.path}. It hands the raw body bytes as sent, the
 * headers and the socket's peer address to the core processor and copies its answer. Every method and
 * content type is routed here, so the processor decides every status, 405 and 415 included; the
 * processor, not Micronaut's {@code client-address-header}, resolves forwarding headers, and only
 * from trusted proxies.
 */
@Controller("${calendly.webhook.path:/api/webhooks/calendly}")
@Requires(property = CalendlyWebhookProperties.PREFIX + ".enabled", notEquals = "false")
@Requires(beans = WebhookProcessor.class)
@Consumes(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CalendlyWebhookController {

    private final WebhookProcessor processor;

    /**
     * Creates the endpoint.
     *
     * @param processor the core processor
     */
    public CalendlyWebhookController(WebhookProcessor processor) {
        this.processor = processor;
    }

    /**
     * Receives a delivery.
     *
     * @param request the request with its raw body
     * @return the processor's answer
     */
    @Post
    public MutableHttpResponse<byte[]> post(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers a GET (and HEAD) with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Get
    public MutableHttpResponse<byte[]> get(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers a PUT with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Put
    public MutableHttpResponse<byte[]> put(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers a PATCH with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Patch
    public MutableHttpResponse<byte[]> patch(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers a DELETE with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Delete
    public MutableHttpResponse<byte[]> delete(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers an OPTIONS with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Options
    public MutableHttpResponse<byte[]> options(HttpRequest<?> request) {
        return process(request);
    }

    /**
     * Answers a TRACE with the processor's 405.
     *
     * @param request the request
     * @return the processor's answer
     */
    @Trace
    public MutableHttpResponse<byte[]> trace(HttpRequest<?> request) {
        return process(request);
    }

    private MutableHttpResponse<byte[]> process(HttpRequest<?> request) {
        WebhookResponse answer;
        try (InputStream body = body(request)) {
            answer = processor.process(new WebhookRequest(request.getMethodName(), headers(request),
                    peerAddress(request.getRemoteAddress()), body, request.getContentLength()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.status()))
                .contentType(WebhookResponse.CONTENT_TYPE)
                .body(answer.bodyBytes());
        answer.headers().forEach(response::header);
        return response;
    }

    private static InputStream body(HttpRequest<?> request) {
        if (request instanceof ServerHttpRequest<?> server) {
            return server.byteBody().toInputStream();
        }
        return new ByteArrayInputStream(request.getBody(byte[].class).orElseGet(() -> new byte[0]));
    }

    private static Map<String, List<String>> headers(HttpRequest<?> request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(headers::put);
        return headers;
    }

    private static String peerAddress(InetSocketAddress address) {
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
