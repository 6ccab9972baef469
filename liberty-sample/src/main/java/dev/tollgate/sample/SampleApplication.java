package dev.tollgate.sample;

import dev.tollgate.sample.dashboard.DashboardResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST application, under {@code /api}. Its resources are listed, so that those of the other
 * applications of this WAR (the administration API under {@code /admin}) are not served here too.
 */
@ApplicationPath("/api")
public class SampleApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AskResource.class, DashboardResource.class);
    }
}
