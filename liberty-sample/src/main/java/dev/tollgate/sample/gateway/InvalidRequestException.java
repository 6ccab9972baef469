package dev.tollgate.sample.gateway;

/** A request the gateway refuses before any model sees it; carries the 400 error to answer with. */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * @param message what is wrong
     * @param param the request field at fault, or {@code null}
     */
    public InvalidRequestException(String message, String param) {
        super(message);
        this.error = ApiError.invalidRequest(message, param);
    }

    /** @return the error to answer with */
    public ApiError error() {
        return error;
    }
}
