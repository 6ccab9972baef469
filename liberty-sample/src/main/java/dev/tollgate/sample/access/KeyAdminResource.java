package dev.tollgate.sample.access;

import dev.tollgate.api.BudgetStatus;
import dev.tollgate.api.Budgets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /admin/keys}: create a key ({@code POST {"name", "budget", "rpm"}}, which answers with the
 * key's secret, the only time it is shown), list keys without secrets, with what each spent this
 * month ({@code GET}), and revoke one ({@code DELETE /admin/keys/{id}}).
 */
@Path("/keys")
@RequestScoped
@RolesAllowed(KeyAdminResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminResource {
    /** The role allowed to manage keys. */
    public static final String ROLE = "admin";

    @Inject
    GatewayKeys keys;

    @Inject
    KeyRateLimiter limiter;

    @Inject
    Budgets budgets;

    @Inject
    @ConfigProperty(name = "tollgate.pricing.currency", defaultValue = "USD")
    String currency;

    @Context
    UriInfo uri;

    /**
     * @param body {@code {"name": "…", "budget": 5.00, "rpm": 60}}
     * @return 201 with the key and its secret, or 400
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        if (body == null || !(body.get("name") instanceof JsonString name)) {
            return invalid("'name' is required and must be a string");
        }
        if (!(body.get("budget") instanceof JsonNumber budget)) {
            return invalid("'budget' is required and must be a number, in " + currency + " a month");
        }
        if (!(body.get("rpm") instanceof JsonNumber rpm) || !rpm.isIntegral()) {
            return invalid("'rpm' is required and must be an integer, the requests a minute");
        }
        IssuedKey issued;
        try {
            issued = keys.create(name.getString(), budget.bigDecimalValue(), rpm.intValueExact());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return invalid(e.getMessage());
        }
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id()).build())
                .entity(view(issued.key()).add("key", issued.secret()).build())
                .build();
    }

    /** @return every key, oldest first, without secrets */
    @GET
    public JsonValue list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        keys.list().forEach(k -> list.add(view(k)));
        return list.build();
    }

    /**
     * @param id a key id
     * @return 204, or 404 if no unrevoked key has that id
     */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!keys.revoke(id)) {
            return Response.status(Response.Status.NOT_FOUND).entity(error("no active key has id '" + id + "'")).build();
        }
        limiter.forget(id);
        return Response.noContent().build();
    }

    private JsonObjectBuilder view(GatewayKey key) {
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("id", key.id())
                .add("name", key.name())
                .add("prefix", key.prefix())
                .add("budget", plain(key.budget()))
                .add("currency", currency)
                .add("rpm", key.rpm())
                .add("created", key.created().toString());
        if (key.revoked().isPresent()) {
            view.add("revoked", key.revoked().get().toString());
        } else {
            view.addNull("revoked");
        }
        spent(key.id()).ifPresent(s -> view.add("spent", s.spent()).add("remaining", s.remaining()));
        return view;
    }

    private Optional<BudgetStatus> spent(String id) {
        return budgets.names().contains(GatewayKeys.BUDGET)
                ? Optional.of(budgets.status(GatewayKeys.BUDGET, id))
                : Optional.empty();
    }

    /** Without the database column's trailing zeros: 5.000000 as 5, 0.0007 as is. */
    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Response invalid(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(error(message)).build();
    }

    private static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }
}
