package dev.strata.server.web;

import dev.strata.store.StoreConflictException;
import dev.strata.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The one place exceptions become HTTP answers. Anything a client can cause with what it sends
 * is a 4xx naming the problem; a store failure is a 503 with its reason; only a defect in Strata
 * itself is a 500, and then without internals in the body.
 */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest req) {
        return answer(e.status(), e.body(), req);
    }

    /** A uniqueness rule broken by a concurrent write (two segments created with one name at once). */
    @ExceptionHandler(StoreConflictException.class)
    public ResponseEntity<Map<String, Object>> conflict(StoreConflictException e, HttpServletRequest req) {
        return answer(HttpStatus.CONFLICT, Map.of("error", e.getMessage()), req);
    }

    @ExceptionHandler(StoreException.class)
    public ResponseEntity<Map<String, Object>> store(StoreException e, HttpServletRequest req) {
        log.warn("store failure on {} {}: {}", req.getMethod(), req.getRequestURI(), e.getMessage());
        return answer(HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", "storage unavailable: " + e.getMessage()), req);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        Map<String, Object> body = new LinkedHashMap<>();
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException j) {
            body.put("error", "malformed JSON: " + j.getOriginalMessage());
            TokenStreamLocation loc = j.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                body.put("line", loc.getLineNr());
                body.put("column", loc.getColumnNr());
            }
        } else {
            body.put("error", "the request body is missing or unreadable");
        }
        return answer(HttpStatus.BAD_REQUEST, body, req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        String sent = e.getContentType() == null ? "none" : e.getContentType().toString();
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                Map.of("error", "Content-Type " + sent + " is not accepted here; send " + e.getSupportedMediaTypes()), req);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return answer(HttpStatus.NOT_ACCEPTABLE, Map.of("error", "cannot answer in the requested media type; supported: "
                + e.getSupportedMediaTypes()), req);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, Map.of("error", e.getMethod() + " is not supported on "
                + req.getRequestURI()), req);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e, HttpServletRequest req) {
        return answer(HttpStatus.BAD_REQUEST, Map.of("error", "missing query parameter '" + e.getParameterName() + "'"), req);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return answer(HttpStatus.BAD_REQUEST, Map.of("error", "'" + e.getName() + "' has an invalid value '"
                + Texts.clip(String.valueOf(e.getValue()), 100) + "'"), req);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return answer(HttpStatus.NOT_FOUND, Map.of("error", "no such endpoint: " + req.getMethod() + " "
                + Texts.clip(req.getRequestURI(), 200)), req);
    }

    /** The engine's answer for a segment it does not hold. */
    @ExceptionHandler(java.util.NoSuchElementException.class)
    public ResponseEntity<Map<String, Object>> noSuchElement(java.util.NoSuchElementException e, HttpServletRequest req) {
        return answer(HttpStatus.NOT_FOUND, Map.of("error", String.valueOf(e.getMessage())), req);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> defect(Exception e, HttpServletRequest req) {
        log.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, Map.of("error", "internal error; see the server log"), req);
    }

    /** Ingestion answers keep Segment's shape: {@code success:false} beside the error. */
    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, Map<String, Object> body, HttpServletRequest req) {
        Map<String, Object> out = body;
        if (req.getRequestURI().startsWith("/v1/")) {
            out = new LinkedHashMap<>();
            out.put("success", false);
            out.putAll(body);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(out);
    }
}
