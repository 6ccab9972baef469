package dev.tollgate.sample.access;

import dev.tollgate.sample.gateway.ApiError;
import dev.tollgate.sample.gateway.GatewayServlet;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets a {@code /v1} request through only with {@code Authorization: Bearer <key>} of a key that
 * exists, is not revoked and is within its requests per minute: else 401, or 429 with
 * {@code Retry-After}, in OpenAI's error shape.
 */
@WebFilter(urlPatterns = "/v1/*")
public class KeyFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(KeyFilter.class.getName());

    @Inject
    transient GatewayKeys keys;

    @Inject
    transient KeyRateLimiter limiter;

    @Inject
    transient CallerKey caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            GatewayServlet.writeError(response, ApiError.invalidApiKey("You didn't provide an API key. You need to"
                    + " provide your API key in an Authorization header using Bearer auth"
                    + " (i.e. Authorization: Bearer YOUR_KEY)."));
            return;
        }
        String secret = authorization.substring(BEARER.length()).strip();
        Optional<GatewayKey> key;
        try {
            key = keys.authenticate(secret);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking a gateway key failed", e);
            GatewayServlet.writeError(response, new ApiError(503, "The gateway cannot check API keys right now;"
                    + " try again shortly.", "server_error", null, "key_store_unavailable"));
            return;
        }
        if (key.isEmpty()) {
            GatewayServlet.writeError(response, ApiError.invalidApiKey("Incorrect API key provided: " + masked(secret)
                    + ". Ask the gateway's administrator for a key."));
            return;
        }
        GatewayKey found = key.get();
        Optional<Duration> wait = limiter.acquire(found.id(), found.rpm());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            GatewayServlet.writeError(response, ApiError.rateLimited("Rate limit reached for key '" + found.name()
                    + "' (" + found.id() + ") on requests per minute: limit " + found.rpm() + ". Please try again in "
                    + seconds + "s."));
            return;
        }
        caller.set(found);
        chain.doFilter(request, response);
    }

    private static String masked(String secret) {
        return secret.length() <= 8 ? "****" : secret.substring(0, 6) + "*".repeat(4) + secret.substring(secret.length() - 4);
    }
}
