package dev.tollgate.sample;

import dev.tollgate.sample.access.DemoKey;
import dev.tollgate.sample.gateway.ModelAliases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Prints the URLs to try once the application has started: the dashboard, and the gateway with its demo key. */
@ApplicationScoped
public class StartupBanner {
    private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

    @Inject
    DemoKey demoKey;

    @Inject
    ModelAliases aliases;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        // Liberty's server variable, else the port WildFly's listener reads
        String port = config.getOptionalValue("http.port", String.class)
                .or(() -> config.getOptionalValue("jboss.http.port", String.class)).orElse("9080");
        String provider = config.getOptionalValue("tollgate.provider", String.class).orElse("?");
        String base = "http://localhost:" + port;
        StringBuilder banner = new StringBuilder("Tollgate sample is ready on provider '").append(provider).append("'.")
                .append("\n  Try: curl '").append(base).append("/api/ask?q=What+does+Tollgate+do%3F'")
                .append("\n  OpenAI-compatible gateway: ").append(base).append("/v1, models ")
                .append(String.join(", ", aliases.all().keySet()))
                .append("\n  Tollgate dashboard: ").append(base).append("/dashboard/");
        demoKey.secret().ifPresent(key -> banner
                .append("\n  Demo key (shown once): ").append(key)
                .append("\n  Try: curl ").append(base).append("/v1/chat/completions -H 'Authorization: Bearer ")
                .append(key).append("' -H 'Content-Type: application/json' -d '{\"model\": \"")
                .append(aliases.all().keySet().iterator().next())
                .append("\", \"messages\": [{\"role\": \"user\", \"content\": \"What does Tollgate do?\"}]}'"));
        LOG.info(banner.toString());
    }
}
