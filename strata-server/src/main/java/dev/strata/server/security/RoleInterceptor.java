package dev.strata.server.security;

import dev.strata.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request reach a management endpoint only when the caller's role is {@link Allowed} there. */
@Component
public class RoleInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        Caller caller = (Caller) req.getAttribute(AuthFilter.CALLER);
        if (caller == null) return true; // open paths; /api and /v1 never get here without a caller
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        if (allowed == null) allowed = method.getBeanType().getAnnotation(Allowed.class);
        if (allowed == null || !Arrays.asList(allowed.value()).contains(caller.role())) {
            throw ApiException.forbidden("role '" + caller.role().wireName() + "' may not " + req.getMethod() + " "
                    + req.getRequestURI());
        }
        return true;
    }
}
