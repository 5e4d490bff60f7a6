package dev.strata.server.security;

import dev.strata.store.StoreException;
import dev.strata.store.TokenRepository.Token;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognises the caller before anything else runs: a bearer token on {@code /api}, HTTP Basic with
 * the write key as user name on {@code /v1} (Segment's convention). What the caller may then do is
 * decided per endpoint by {@link RoleInterceptor}. Other paths (health, metrics, API docs) are open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AuthFilter extends OncePerRequestFilter {
    public static final String CALLER = AuthFilter.class.getName() + ".caller";

    private final TokenService tokens;

    public AuthFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean ingest = path.startsWith("/v1/");
        if (!api && !ingest) {
            chain.doFilter(req, res);
            return;
        }
        String header = req.getHeader("Authorization");
        Optional<Token> token;
        try {
            token = api ? bearer(header) : basic(header);
        } catch (StoreException e) {
            reject(res, 503, ingest, "storage unavailable: " + e.getMessage(), null);
            return;
        }
        if (token.isEmpty()) {
            String why = header == null ? "missing Authorization header" : "unknown or revoked credentials";
            String challenge = api ? "Bearer realm=\"strata\"" : "Basic realm=\"strata\"";
            reject(res, 401, ingest, why + (api ? "; send 'Authorization: Bearer <token>'"
                    : "; send HTTP Basic with the write key as user name"), challenge);
            return;
        }
        Token t = token.get();
        Role role = Role.parse(t.role());
        if (ingest && role != Role.INGEST && role != Role.ADMIN) {
            reject(res, 403, true, "a token with role '" + t.role() + "' may not send messages", null);
            return;
        }
        req.setAttribute(CALLER, new Caller(t.id(), t.name(), role, req.getRemoteAddr()));
        chain.doFilter(req, res);
    }

    private Optional<Token> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return tokens.authenticate(header.substring(7).strip());
    }

    private Optional<Token> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        // Some clients put the key in the password field instead; accept it there too.
        if (user.isEmpty() && colon >= 0) user = decoded.substring(colon + 1);
        return tokens.authenticate(user);
    }

    private static void reject(HttpServletResponse res, int status, boolean ingest, String error, String challenge)
            throws IOException {
        res.setStatus(status);
        if (challenge != null) res.setHeader("WWW-Authenticate", challenge);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        String text = error.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ");
        String body = "{" + (ingest ? "\"success\":false," : "") + "\"error\":\"" + text + "\"}";
        res.getWriter().write(body);
    }
}
