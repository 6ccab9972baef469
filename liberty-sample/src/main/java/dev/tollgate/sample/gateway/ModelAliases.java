package dev.tollgate.sample.gateway;

import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;

/**
 * The public model names of the gateway, each the route of provider targets it stands for, from
 * {@code gateway.models.<public name>=provider/model[, provider/model...]}: the first target
 * answers, the others are tried in order when it fails with a transient error.
 */
@ApplicationScoped
public class ModelAliases {
    /** The prefix of the alias properties. */
    public static final String PREFIX = "gateway.models.";

    @Inject
    Config config;

    private Map<String, Route> routes;

    @PostConstruct
    void load() {
        Map<String, Route> found = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
                found.put(name.substring(PREFIX.length()), parse(name));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no model alias is configured; set " + PREFIX
                    + "<public name>=provider/model[, provider/model...]");
        }
        routes = Collections.unmodifiableMap(found);
    }

    private Route parse(String property) {
        String value = config.getValue(property, String.class);
        Route route;
        try {
            route = Route.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("property '" + property + "' has invalid value '" + value
                    + "': expected provider/model[, provider/model...]; " + e.getMessage(), e);
        }
        for (Target target : route.targets()) {
            if (config.getOptionalValue("tollgate.providers." + target.provider() + ".type", String.class).isEmpty()) {
                throw new IllegalStateException("property '" + property + "' names provider '" + target.provider()
                        + "', which is not configured (tollgate.providers." + target.provider() + ".type)");
            }
        }
        return route;
    }

    /**
     * @param alias a public model name
     * @return its route, if it is configured
     */
    public Optional<Route> route(String alias) {
        return Optional.ofNullable(routes.get(alias));
    }

    /** @return every public model name and its route, by name */
    public Map<String, Route> all() {
        return routes;
    }
}
