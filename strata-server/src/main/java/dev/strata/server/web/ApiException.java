package dev.strata.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the status and the JSON body to answer: always an
 * {@code "error"} saying what was wrong with which value, plus any details (line, column, ...).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient Map<String, Object> details;

    public ApiException(HttpStatus status, String error) {
        this(status, error, Map.of());
    }

    public ApiException(HttpStatus status, String error, Map<String, Object> details) {
        super(error, null, false, false);
        this.status = status;
        this.details = details;
    }

    public static ApiException badRequest(String error) {
        return new ApiException(HttpStatus.BAD_REQUEST, error);
    }

    public static ApiException notFound(String error) {
        return new ApiException(HttpStatus.NOT_FOUND, error);
    }

    public static ApiException conflict(String error) {
        return new ApiException(HttpStatus.CONFLICT, error);
    }

    public static ApiException forbidden(String error) {
        return new ApiException(HttpStatus.FORBIDDEN, error);
    }

    public static ApiException unavailable(String error) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, error);
    }

    public HttpStatus status() {
        return status;
    }

    /** The answer's body: {@code error} first, then the details. */
    public Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", getMessage());
        m.putAll(details);
        return m;
    }
}
