package dev.tollgate.impl;

import dev.tollgate.api.ErrorCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Every warning and error text of the engine, each with a stable id. Ids 0001–0099 are
 * configuration errors, 0100–0199 warnings, 0200–0299 request errors, 0320–0339 budgets, 0340–0379
 * record stores.
 */
public final class Messages {
    private Messages() {
    }

    public static String noProviderConfigured() {
        return "TOLLGATE-0001: no provider is configured; set tollgate.providers.<id>.type, for example "
                + "tollgate.providers.openai.type=openai";
    }

    public static String defaultProviderUnknown(String id, Collection<String> configured) {
        return "TOLLGATE-0002: property 'tollgate.provider' names provider '" + id
                + "', which is not configured; configured providers: " + configured;
    }

    public static String typeMissing(String id) {
        return "TOLLGATE-0003: property 'tollgate.providers." + id + ".type' is missing; set it to one of the "
                + "provider types";
    }

    public static String typeUnknown(String property, String type, Collection<String> known) {
        return "TOLLGATE-0004: property '" + property + "' has unknown provider type '" + type + "'; known types: "
                + known;
    }

    public static String propertyMissing(String property, String hint) {
        return "TOLLGATE-0005: property '" + property + "' is missing; " + hint;
    }

    public static String telemetryWithoutOpenTelemetry(String property) {
        return "TOLLGATE-0040: property '" + property + "' is true but the OpenTelemetry API is not on the class "
                + "path; enable the server's MicroProfile Telemetry feature (mpTelemetry on Open Liberty), add "
                + "io.opentelemetry:opentelemetry-api to the application, or remove the property";
    }

    public static String propertyInvalid(String property, String value, String expected) {
        return "TOLLGATE-0006: property '" + property + "' has invalid value '" + value + "'; expected " + expected;
    }

    public static String providerIdInvalid(String id) {
        return "TOLLGATE-0007: provider id '" + id + "' in 'tollgate.providers." + id + ".type' is invalid; use "
                + "letters, digits, '-' and '_' only";
    }

    public static String providerRejected(String id, String reason) {
        return "TOLLGATE-0008: provider '" + id + "' cannot be created: " + reason;
    }

    public static String noDefaultProvider(Collection<String> configured) {
        return "TOLLGATE-0009: several providers are configured " + configured
                + " and none is the default; set tollgate.provider";
    }

    public static String priceIncomplete(String provider, String model, String missingProperty) {
        return "TOLLGATE-0010: the price of model '" + model + "' of '" + provider + "' is incomplete: property '"
                + missingProperty + "' is missing";
    }

    public static String priceFieldUnknown(String property, String fields) {
        return "TOLLGATE-0011: property '" + property + "' is not a price; a price key is "
                + "tollgate.pricing.<provider>.<model>.<field> with field " + fields;
    }

    public static String typeClaimedTwice(String type, String first, String second) {
        return "TOLLGATE-0012: provider type '" + type + "' is claimed by " + first + " and " + second
                + "; remove one of them from the class path";
    }

    public static String librariesMissing(String id, String type, Collection<String> artifacts, String hint) {
        return "TOLLGATE-0013: provider '" + id + "' of type '" + type + "' needs " + String.join(" and ", artifacts)
                + " on the class path, which " + (artifacts.size() == 1 ? "is" : "are") + " missing; " + hint;
    }

    public static String propertiesExclusive(String property, String other, String hint) {
        return "TOLLGATE-0014: properties '" + property + "' and '" + other + "' cannot both be set; " + hint;
    }

    public static String llmCallWithoutProvider(String method) {
        return "TOLLGATE-0020: @LlmCall on '" + method
                + "' names no provider and there is no default; set tollgate.provider or @LlmCall(provider = ...)";
    }

    public static String llmCallProviderUnknown(String method, String id, Collection<String> configured) {
        return "TOLLGATE-0021: @LlmCall on '" + method + "' uses provider '" + id
                + "', which is not configured; configured providers: " + configured;
    }

    public static String llmCallWithoutModel(String method, String id) {
        return "TOLLGATE-0022: @LlmCall on '" + method + "' uses provider '" + id + "', which has no model; set "
                + "tollgate.providers." + id + ".model or @LlmCall(model = ...)";
    }

    public static String priceFileUnreadable(String property, String location, String reason) {
        return "TOLLGATE-0023: property '" + property + "' names price file '" + location + "', which cannot be read: "
                + reason + "; name a readable file in LiteLLM's model_prices_and_context_window.json format, as a "
                + "path or as classpath:<resource>";
    }

    public static String priceFileCurrency(String fileProperty, String currencyProperty, String currency) {
        return "TOLLGATE-0024: property '" + fileProperty + "' names a price file in USD, but property '"
                + currencyProperty + "' is '" + currency + "'; remove '" + currencyProperty
                + "' or set it to USD, or remove '" + fileProperty + "'";
    }

    public static String propertyUnused(String property, String type) {
        return "TOLLGATE-0100: property '" + property + "' is not used by providers of type '" + type
                + "'; check its spelling";
    }

    public static String modelUnpriced(String provider, String model) {
        return "TOLLGATE-0101: no price for model '" + model + "' of provider '" + provider
                + "'; its cost is unknown. Set tollgate.pricing." + provider + "." + model + ".input and .output, "
                + "or price every model of the provider with the model \"*\"";
    }

    public static String captureFailed(String stage) {
        return "TOLLGATE-0102: capture failed while " + stage
                + "; the business call is not affected. Later failures of this kind are logged at FINE";
    }

    public static String redactorFailed(String redactor) {
        return "TOLLGATE-0103: prompt redactor " + redactor + " failed; the text is kept as \"[redaction failed]\"";
    }

    public static String redactionPatternInvalid(String property, String problem) {
        return "TOLLGATE-0055: property '" + property + "' is not a valid regular expression (" + problem
                + "); fix or remove it";
    }

    public static String builtInRedactorUnknown(String property, String name, Collection<String> known) {
        return "TOLLGATE-0056: property '" + property + "' names unknown built-in redactor '" + name + "'; known: "
                + known + ", or none";
    }

    public static String storeFailed(String store, int records, Duration retryIn) {
        return "TOLLGATE-0340: record store " + store + " failed to store " + records + " record(s); the same "
                + "records are handed over again in " + retryIn.toMillis() + " ms. Later failures of this kind are "
                + "logged at FINE";
    }

    public static String storeRecovered(String store, long failures) {
        return "TOLLGATE-0341: record store " + store + " stores records again after " + failures + " failure(s)";
    }

    public static String recordsDropping(String store, int capacity) {
        return "TOLLGATE-0342: the queue of record store " + store + " is full (" + capacity
                + " records, tollgate.store.queue-capacity); records are dropped until the store catches up";
    }

    public static String recordsDropped(String store, long dropped) {
        return "TOLLGATE-0343: record store " + store + " is catching up again; " + dropped
                + " record(s) dropped since the start";
    }

    public static String recordsLeftAtShutdown(String store, long left, Duration timeout) {
        return "TOLLGATE-0344: record store " + store + " did not store " + left + " record(s) within the "
                + timeout.toMillis() + " ms of tollgate.store.shutdown-timeout; they are lost";
    }

    public static String lateExchange(String callName) {
        return "TOLLGATE-0104: a provider request of call '" + callName + "' completed after the call ended; "
                + "it is published in a record of its own";
    }

    public static String circuitOpened(String provider, long failures, ErrorCategory category, Duration delay) {
        return "TOLLGATE-0120: the circuit of provider '" + provider + "' is open after " + failures
                + " transient failure(s) in a row (last: " + category + "); requests skip it for " + delay
                + ". Tune this with tollgate.providers." + provider + ".circuit.failure-threshold and .delay";
    }

    public static String circuitReopened(String provider, ErrorCategory category, Duration delay) {
        return "TOLLGATE-0121: a trial request to provider '" + provider + "' failed (" + category
                + "); its circuit is open again for " + delay;
    }

    public static String circuitClosed(String provider) {
        return "TOLLGATE-0122: provider '" + provider + "' answered its trial requests; its circuit is closed";
    }

    public static String circuitOpen(String provider, Instant halfOpensAt) {
        return "TOLLGATE-0123: provider '" + provider + "' was not called: after failures in a row its circuit "
                + (halfOpensAt != null ? "is open until " + halfOpensAt : "waits for the outcome of its trial requests")
                + "; name a fallback target with @Fallback, or retry later";
    }

    public static String unknownProvider(String id, Collection<String> configured) {
        return "TOLLGATE-0200: provider '" + id + "' is not configured; configured providers: " + configured;
    }

    public static String noModel(String id) {
        return "TOLLGATE-0201: no model for provider '" + id + "'; name one in the request or set tollgate.providers."
                + id + ".model";
    }

    public static String noDefaultForRequest() {
        return "TOLLGATE-0202: the request names no provider and there is no default; set tollgate.provider";
    }

    public static String unexpectedFailure(String id) {
        return "TOLLGATE-0203: the client of provider '" + id + "' failed unexpectedly";
    }

    public static String fallbackTargetInvalid(String source, String target) {
        return "TOLLGATE-0025: " + source + " names fallback target '" + target
                + "', which is not \"providerId\" or \"providerId/model\"";
    }

    public static String fallbackProviderUnknown(String source, String id, Collection<String> configured) {
        return "TOLLGATE-0026: " + source + " names fallback provider '" + id + "', which is not configured; "
                + "configured providers: " + configured;
    }

    public static String fallbackWithoutLlmCall(String where) {
        return "TOLLGATE-0027: @Fallback on '" + where + "' needs @LlmCall on the same method or class";
    }

    public static String fallbackAllUnavailable(String callName) {
        return "TOLLGATE-0204: call '" + callName + "' found no available target: every provider of its chain "
                + "has an open circuit";
    }

    public static String retryAfterTooLong(String provider, java.time.Duration wait, java.time.Duration max) {
        return "TOLLGATE-0205: provider '" + provider + "' asked to be retried after " + wait.toMillis()
                + " ms, longer than tollgate.retry-after.max-wait (" + max.toMillis() + " ms); not sent";
    }

    public static String rateLimitKeyUnknown(String property) {
        return "TOLLGATE-0030: property '" + property + "' is not a rate limit; a provider's rate-limit keys are "
                + "tollgate.providers.<id>.rate-limit.rpm, .tpm and .max-wait, and per model "
                + "tollgate.providers.<id>.rate-limit.models.\"<model>\".rpm and .tpm";
    }

    public static String rateLimitWaitWithoutLimit(String property) {
        return "TOLLGATE-0110: property '" + property + "' has no effect, because the provider has no rate limit; "
                + "set its rate-limit.rpm or rate-limit.tpm, or remove it";
    }

    public static String rateLimitModelAboveProvider(String modelProperty, long modelLimit, String providerProperty,
            long providerLimit) {
        return "TOLLGATE-0111: property '" + modelProperty + "' (" + modelLimit + ") is above property '"
                + providerProperty + "' (" + providerLimit + "), which applies to every model of the provider, so it "
                + "never takes effect; lower it or remove it";
    }

    public static String rateLimited(String limitProperty, long perMinute, String unit, long waitMillis,
            String maxWaitProperty, long maxWaitMillis) {
        return "TOLLGATE-0210: the client-side limit '" + limitProperty + "' of " + perMinute + " " + unit
                + " a minute would need a wait of " + waitMillis + " ms, longer than the " + maxWaitMillis
                + " ms of '" + maxWaitProperty + "'; try again later, raise the limit or the max-wait, or add a "
                + "@Fallback target";
    }

    public static String rateLimitWaitInterrupted(String limitProperty, long waitMillis) {
        return "TOLLGATE-0211: interrupted while waiting " + waitMillis + " ms for the client-side limit '"
                + limitProperty + "'; the request was not sent";
    }

    public static String optionUnsupported(String id, String type, String option) {
        return "TOLLGATE-0206: provider '" + id + "' (type " + type + ") cannot honour the request's " + option
                + "; remove it, or set tollgate.providers." + id + ".unsupported-options=drop to drop it with a warning";
    }

    public static String optionDropped(String id, String type, String option) {
        return "TOLLGATE-0130: provider '" + id + "' (type " + type + ") cannot honour " + option
                + "; it is dropped from such requests, as tollgate.providers." + id + ".unsupported-options=drop asks";
    }

    public static String budgetKeyUnknown(String property) {
        return "TOLLGATE-0045: property '" + property + "' is not a budget key; a budget is "
                + "tollgate.budgets.<name>.<field> with field limit, period, per, call, provider or principal";
    }

    public static String budgetNameInvalid(String property, String name) {
        return "TOLLGATE-0046: budget name '" + name + "' in property '" + property + "' is invalid; use letters, "
                + "digits, '-' and '_' only";
    }

    public static String budgetProviderUnknown(String property, String id, Collection<String> configured) {
        return "TOLLGATE-0047: property '" + property + "' selects provider '" + id
                + "', which is not configured; configured providers: " + configured;
    }

    public static String budgetDataSourceMissing(String storeProperty, String dataSourceProperty) {
        return "TOLLGATE-0048: property '" + storeProperty + "' is 'jdbc' but property '" + dataSourceProperty
                + "' is missing; set it to the JNDI name of the data source (for example jdbc/tollgate), or provide "
                + "a BudgetStore bean";
    }

    public static String budgetExhausted(String budget, String key, String amount, String period, String until,
            String spent, String reserved, String needed) {
        return "TOLLGATE-0320: budget '" + budget + "'" + (key.isEmpty() ? "" : " of '" + key + "'") + " ("
                + amount + " a " + period + ") is used up until " + until + ": spent " + spent + ", reserved "
                + reserved + ", this request needs " + needed;
    }

    public static String budgetDataSourceNotFound(String name, String property) {
        return "TOLLGATE-0321: data source '" + name + "' of property '" + property + "' cannot be looked up; "
                + "budgets are not enforced until it can";
    }
}
