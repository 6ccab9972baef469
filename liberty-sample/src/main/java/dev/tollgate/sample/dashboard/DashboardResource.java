package dev.tollgate.sample.dashboard;

import dev.tollgate.api.UsageLedger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code /api/dashboard/...}: what the dashboard page draws, as JSON. */
@RequestScoped
@Path("/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    private static final Logger LOG = Logger.getLogger(DashboardResource.class.getName());
    static final int MAX_MINUTES = 24 * 60;
    static final int MAX_CALLS = 500;

    @Inject
    DashboardQueries queries;

    @Inject
    UsageLedger ledger;

    @Inject
    @ConfigProperty(name = "tollgate.pricing.currency", defaultValue = "USD")
    String currency;

    /**
     * @return the totals over every stored call, and how the writing of records goes; the latter
     *     also while the database is down
     */
    @GET
    @Path("/summary")
    public Summary summary() {
        try {
            return new Summary(queries.overall(), currency, ledger.persistence(), null);
        } catch (PersistenceException e) {
            LOG.log(Level.FINE, "The dashboard cannot read the database", e);
            return new Summary(null, currency, ledger.persistence(), "the database cannot be read right now");
        }
    }

    /**
     * @param minutes how many minutes back, up to a day
     * @return the sums per minute, oldest first, ending with the current minute
     */
    @GET
    @Path("/timeline")
    public List<Totals> timeline(@QueryParam("minutes") @DefaultValue("30") int minutes) {
        long now = Math.floorDiv(Clock.systemUTC().millis(), 60_000L);
        return queries.perMinute(now - Math.max(0, Math.min(minutes, MAX_MINUTES) - 1), now);
    }

    /** @return the sums per provider and model */
    @GET
    @Path("/models")
    public List<Totals> models() {
        return queries.byModel();
    }

    /** @return the sums per call name */
    @GET
    @Path("/calls")
    public List<Totals> calls() {
        return queries.byCallName();
    }

    /** @return the sums per caller (gateway key or user) */
    @GET
    @Path("/principals")
    public List<Totals> principals() {
        return queries.byPrincipal();
    }

    /**
     * @param limit how many, up to 500
     * @return the latest calls, newest first, with their prompts and answers when captured
     */
    @GET
    @Path("/latest")
    public List<CallView> latest(@QueryParam("limit") @DefaultValue("50") int limit) {
        return queries.latest(Math.max(1, Math.min(limit, MAX_CALLS)));
    }
}
