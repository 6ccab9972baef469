package dev.tollgate.sample.access;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The administration API, under {@code /admin}, for the {@code admin} role only. */
@ApplicationPath("/admin")
@DeclareRoles(KeyAdminResource.ROLE)
public class AdminApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(KeyAdminResource.class);
    }
}
