package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.spi.AccessTokenSupplier;
import dev.tollgate.impl.provider.ServiceLookup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An {@link AccessTokenSupplier} that answers from a function and remembers who asked. */
final class TestTokenSupplier implements AccessTokenSupplier {
    private final Function<Integer, String> tokenOfCall;
    private final List<String> askedBy = new CopyOnWriteArrayList<>();

    /** @param tokenOfCall the token of the n-th call, counted from 1; may throw or return null */
    TestTokenSupplier(Function<Integer, String> tokenOfCall) {
        this.tokenOfCall = tokenOfCall;
    }

    @Override
    public String accessToken(String providerId) {
        askedBy.add(providerId);
        return tokenOfCall.apply(askedBy.size());
    }

    /** @return the provider ids of the calls so far, in order */
    List<String> askedBy() {
        return List.copyOf(askedBy);
    }

    /** @return a lookup that offers this supplier, and nothing else */
    ServiceLookup asServices() {
        AccessTokenSupplier self = this;
        return new ServiceLookup() {
            @Override
            public <T> List<T> find(Class<T> type) {
                return type == AccessTokenSupplier.class ? List.of(type.cast(self)) : List.of();
            }
        };
    }
}
