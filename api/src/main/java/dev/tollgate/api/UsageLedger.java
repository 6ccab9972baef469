package dev.tollgate.api;

/**
 * Running totals of every provider request the application made: requests, errors by category,
 * tokens by kind and cost per currency, by call name, provider and model. Inject it:
 * {@code @Inject UsageLedger ledger}; there is one per application, shared and thread-safe.
 *
 * <ol>
 *   <li>Every {@link LlmCallRecord} is counted when it is published, before CDI observers are
 *       notified: each of its {@link Exchange}s under the {@link UsageKey} of the record's call
 *       name and the exchange's provider and model. Records of requests made outside any
 *       {@link LlmCall} method count under {@value LlmCallRecord#STANDALONE}.</li>
 *   <li>Counting is exact under any concurrency: no request, token or fraction of cost is lost.
 *       Costs are added as {@link java.math.BigDecimal}s, never rounded.</li>
 *   <li>Usage or cost the provider did not report in full is counted in
 *       {@link UsageTotals#unknownUsage()} and {@link UsageTotals#unknownCost()}, never guessed.</li>
 *   <li>Totals live in memory and start at zero with the application; persist the records
 *       themselves with a {@link dev.tollgate.api.spi.RecordStore}.</li>
 * </ol>
 */
public interface UsageLedger {

    /** @return the totals now */
    LedgerSnapshot snapshot();

    /**
     * Sets every total to zero. Requests counted while it runs count either before or after it,
     * never in neither.
     *
     * @return the totals just before
     */
    LedgerSnapshot reset();

    /** @return how handing records to the {@link dev.tollgate.api.spi.RecordStore}s fares */
    PersistenceStatus persistence();
}
