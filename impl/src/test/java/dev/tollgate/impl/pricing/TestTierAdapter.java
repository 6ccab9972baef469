package dev.tollgate.impl.pricing;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import java.math.BigDecimal;

/**
 * A provider of type {@value #TYPE} whose answers name the model, service tier, token counts and
 * cost its properties give: {@code reported-model}, {@code service-tier}, {@code input-tokens},
 * {@code output-tokens}, {@code reported-cost}.
 */
public final class TestTierAdapter implements ProviderAdapter {
    /** The provider type. */
    public static final String TYPE = "test-tiered";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        String model = context.requiredProperty("reported-model");
        String tier = context.property("service-tier").orElse(null);
        Usage usage = Usage.of(Long.parseLong(context.requiredProperty("input-tokens")),
                Long.parseLong(context.requiredProperty("output-tokens")));
        Cost cost = context.property("reported-cost").map(c -> Cost.reported(new BigDecimal(c), "USD"))
                .orElse(Cost.unknown());
        return request -> ChatResponse.builder().text("ok").finishReason(FinishReason.STOP).model(model)
                .serviceTier(tier).usage(usage).cost(cost).build();
    }
}
