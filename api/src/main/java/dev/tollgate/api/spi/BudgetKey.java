package dev.tollgate.api.spi;

import java.util.Optional;

/**
 * Names the caller: on whose allowance a request is charged, for budgets with
 * {@code tollgate.budgets.<name>.per=principal}, and who made a call, in
 * {@link dev.tollgate.api.LlmCallRecord#principal()}.
 *
 * <ol>
 *   <li>Tollgate asks it when an {@link dev.tollgate.api.LlmCall} method is entered, on the
 *       caller's thread, and every request of that call (including {@code chatAsync} ones, sent
 *       on the executor's thread) is charged to that caller. A request made outside any
 *       {@code LlmCall} method asks it on the thread that sends it.</li>
 *   <li>An empty result means the caller is not known: no principal budget applies to the
 *       request.</li>
 *   <li>An application provides one as a CDI bean or with {@link java.util.ServiceLoader}; the
 *       first one found is used. Without one, the CDI integration uses the container's caller
 *       identity: Jakarta Security's {@code SecurityContext} where present, else the built-in
 *       {@link java.security.Principal} bean.</li>
 *   <li>It must be fast and must not throw: a failure is logged, counted, and treated as an empty
 *       result.</li>
 * </ol>
 */
@FunctionalInterface
public interface BudgetKey {

    /** @return the name of the current caller, or empty if there is none */
    Optional<String> principal();
}
