package io.github.calendlywebhook.dashboard.config;

import io.github.calendlywebhook.core.store.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers a page or API call that needs the database while it is unreachable with 503 and {@code Retry-After}:
 * the JSON error body for the APIs, a short page for the admin panel, never a stack trace.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

    static final String CODE = StoreUnavailableException.CODE;
    static final String MESSAGE = "The database is unreachable; try again shortly.";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
        StoreUnavailableException.class})
    ResponseEntity<String> unavailable(RuntimeException e, HttpServletRequest request) {
        LOG.warn("{} {} answered 503: the database is unreachable ({})", request.getMethod(),
                request.getRequestURI(), e.getClass().getSimpleName());
        boolean page = request.getRequestURI().startsWith("/admin")
                && !request.getRequestURI().startsWith("/admin/api")
                && String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains(MediaType.TEXT_HTML_VALUE);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (page) {
            return answer.contentType(MediaType.TEXT_HTML).body("<!doctype html><html lang=\"en\"><head><meta charset="
                    + "\"utf-8\"><title>Database unavailable</title></head><body><h1>Database unavailable</h1><p>"
                    + HtmlUtils.htmlEscape(MESSAGE) + "</p></body></html>");
        }
        return answer.contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + CODE + "\",\"message\":\"" + MESSAGE + "\"}");
    }
}
