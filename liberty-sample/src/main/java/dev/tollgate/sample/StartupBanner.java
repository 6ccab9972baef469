package dev.tollgate.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Prints the URL to try and the dashboard's URL once the application has started. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        String port = config.getOptionalValue("http.port", String.class).orElse("9080");
        String provider = config.getOptionalValue("tollgate.provider", String.class).orElse("?");
        LOG.info("Tollgate sample is ready on provider '" + provider + "'. Try: curl 'http://localhost:" + port
                + "/api/ask?q=What+does+Tollgate+do%3F'");
        LOG.info("Tollgate dashboard: http://localhost:" + port + "/dashboard/");
    }
}
