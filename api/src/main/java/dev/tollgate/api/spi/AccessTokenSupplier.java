package dev.tollgate.api.spi;

/**
 * Supplies the OAuth 2.0 access tokens that providers authenticated by bearer tokens send, such
 * as Google Vertex AI ({@code type=vertex}); the application implements it with the credentials
 * library of its platform, for example Google's Application Default Credentials.
 *
 * <p>The rules:
 * <ol>
 *   <li>Implementations are found as CDI beans of the application and with
 *       {@link java.util.ServiceLoader}, through {@link ProviderContext#services(Class)}; when
 *       several are found, the first is used, CDI beans before {@code ServiceLoader} services.</li>
 *   <li>A provider uses a supplier only when its configuration has no static token (for Vertex
 *       AI, {@code tollgate.providers.<id>.access-token} takes precedence). A provider that needs
 *       a token and has neither fails at deployment, with a message naming the property.</li>
 *   <li>{@link #accessToken(String)} is called before every request, from any thread, so it must
 *       be thread-safe and fast: cache the token and refresh it before it expires.</li>
 *   <li>A token is sent as {@code Authorization: Bearer <token>} and, like every credential,
 *       never appears in a log line, an exception message, an event or a span.</li>
 *   <li>If it returns {@code null} or a blank string, or throws, the request is not sent and the
 *       call fails with a {@link dev.tollgate.api.LlmException} of category
 *       {@link dev.tollgate.api.ErrorCategory#AUTHENTICATION}, the thrown exception as its cause.
 *       An {@link dev.tollgate.api.LlmException} it throws is passed on unchanged, so a supplier
 *       that cannot reach its token service may report a transient
 *       {@link dev.tollgate.api.ErrorCategory#NETWORK} failure.</li>
 * </ol>
 */
@FunctionalInterface
public interface AccessTokenSupplier {

    /**
     * Returns a valid access token for the requests of one provider.
     *
     * @param providerId the id of the configured provider that is about to send a request, the
     *     {@code <id>} of {@code tollgate.providers.<id>.type}, so one supplier can serve several
     *     providers with different credentials
     * @return the token, without the {@code Bearer} prefix
     */
    String accessToken(String providerId);
}
