package dev.tollgate.interceptors;

import dev.tollgate.api.spi.BudgetKey;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Names the caller by the container's identity, for budgets per principal when the application has
 * no {@link BudgetKey} of its own:
 * <ol>
 *   <li>Jakarta Security's {@code SecurityContext.getCallerPrincipal()}, where that API and its
 *       bean are present (looked up by name, so Tollgate does not depend on the API);</li>
 *   <li>else CDI's built-in {@link Principal} bean;</li>
 *   <li>else none: principal budgets do not apply.</li>
 * </ol>
 * The source is found on first use, when the container's security is running, and kept: both
 * beans forward to the identity of the current request. A caller nobody logged in is no principal,
 * whether the container says so with {@code null} or, as WildFly does, with Elytron's anonymous
 * identity, whose principal is named {@code anonymous} (on WildFly, a user of that name is
 * therefore not budgeted per principal).
 */
final class ContainerPrincipal implements BudgetKey {
    private static final String SECURITY_CONTEXT = "jakarta.security.enterprise.SecurityContext";
    private static final String WILDFLY_ANONYMOUS = "anonymous";
    private static final boolean ON_WILDFLY = System.getProperty("jboss.home.dir") != null;

    private final BeanManager beanManager;
    private final ClassLoader loader;
    private volatile Supplier<Principal> source;

    ContainerPrincipal(BeanManager beanManager, ClassLoader loader) {
        this.beanManager = beanManager;
        this.loader = loader;
    }

    @Override
    public Optional<String> principal() {
        Principal principal = source().get();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            String name = principal.getName();
            return ON_WILDFLY && WILDFLY_ANONYMOUS.equals(name) ? Optional.empty() : Optional.ofNullable(name);
        } catch (RuntimeException e) {
            // Weld's built-in Principal fails (WELD-000044) while nobody is logged in
            return Optional.empty();
        }
    }

    private Supplier<Principal> source() {
        Supplier<Principal> s = source;
        if (s == null) {
            s = securityContext().orElseGet(this::principalBean);
            source = s;
        }
        return s;
    }

    private Optional<Supplier<Principal>> securityContext() {
        try {
            Class<?> type = Class.forName(SECURITY_CONTEXT, false, loader);
            Instance<?> instance = beanManager.createInstance().select(type);
            if (!instance.isResolvable()) {
                return Optional.empty();
            }
            Object context = instance.get();
            Method caller = type.getMethod("getCallerPrincipal");
            return Optional.of(() -> {
                try {
                    return (Principal) caller.invoke(context);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("SecurityContext.getCallerPrincipal() failed", e);
                }
            });
        } catch (ClassNotFoundException | LinkageError | NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private Supplier<Principal> principalBean() {
        Instance<Principal> instance = beanManager.createInstance().select(Principal.class);
        if (!instance.isResolvable()) {
            return () -> null;
        }
        Principal principal = instance.get();
        return () -> principal;
    }
}
