package dev.tollgate.sample.dashboard;

import dev.tollgate.sample.data.CallRow;
import dev.tollgate.sample.data.ExchangeRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The dashboard's JPQL aggregates over the stored calls. */
@ApplicationScoped
public class DashboardQueries {
    private static final String CALL_SUMS = "COUNT(c), SUM(CASE WHEN c.outcome = 'FAILURE' THEN 1 ELSE 0 END), "
            + "SUM(c.tokens.inputTokens), SUM(c.tokens.outputTokens), SUM(c.cost.total)";

    @PersistenceContext(unitName = "tollgate")
    EntityManager em;

    /** @return the sums over every stored call */
    public Totals overall() {
        Object[] row = em.createQuery("SELECT " + CALL_SUMS + " FROM CallRow c", Object[].class).getSingleResult();
        return Totals.of("all", row, 0);
    }

    /**
     * @param fromMinute the first epoch minute
     * @param toMinute the last epoch minute
     * @return the sums per minute of calls begun in those minutes, minutes without calls included
     */
    public List<Totals> perMinute(long fromMinute, long toMinute) {
        Map<Long, Totals> found = em.createQuery("SELECT c.startedMinute, " + CALL_SUMS
                + " FROM CallRow c WHERE c.startedMinute BETWEEN :from AND :to GROUP BY c.startedMinute",
                Object[].class).setParameter("from", fromMinute).setParameter("to", toMinute).getResultStream()
                .collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> Totals.of(minute(r[0]), r, 1)));
        List<Totals> minutes = new ArrayList<>();
        for (long m = fromMinute; m <= toMinute; m++) {
            minutes.add(found.getOrDefault(m, Totals.of(minute(m), new Object[5], 0)));
        }
        return minutes;
    }

    private static String minute(Object epochMinute) {
        return java.time.Instant.ofEpochSecond(((Number) epochMinute).longValue() * 60).toString();
    }

    /** @return the sums per call name, costliest first */
    public List<Totals> byCallName() {
        return grouped("c.callName", "(none)");
    }

    /** @return the sums per caller the calls were accounted to, costliest first */
    public List<Totals> byPrincipal() {
        return grouped("c.principal", "(anonymous)");
    }

    private List<Totals> grouped(String path, String nullLabel) {
        return costliestFirst(em.createQuery("SELECT " + path + ", " + CALL_SUMS + " FROM CallRow c GROUP BY " + path,
                Object[].class).getResultStream()
                .map(r -> Totals.of(r[0] == null ? nullLabel : r[0].toString(), r, 1)).toList());
    }

    /** @return the sums per provider and model of the provider requests, costliest first */
    public List<Totals> byModel() {
        return costliestFirst(em.createQuery("SELECT e.provider, e.model, COUNT(e), "
                + "SUM(CASE WHEN e.errorCategory IS NULL THEN 0 ELSE 1 END), SUM(e.tokens.inputTokens), "
                + "SUM(e.tokens.outputTokens), SUM(e.cost.total) FROM ExchangeRow e GROUP BY e.provider, e.model",
                Object[].class).getResultStream().map(r -> Totals.of(r[0] + "/" + r[1], r, 2)).toList());
    }

    private static List<Totals> costliestFirst(List<Totals> groups) {
        return groups.stream().sorted(Comparator.comparing(Totals::cost).reversed()
                .thenComparing(Comparator.comparingLong(Totals::count).reversed())).toList();
    }

    /**
     * @param limit how many
     * @return the latest calls, newest first, with their requests
     */
    public List<CallView> latest(int limit) {
        List<CallRow> calls = em.createQuery("SELECT c FROM CallRow c ORDER BY c.startedAt DESC", CallRow.class)
                .setMaxResults(limit).getResultList();
        if (calls.isEmpty()) {
            return List.of();
        }
        Map<String, List<ExchangeRow>> exchanges = em.createQuery(
                "SELECT e FROM ExchangeRow e WHERE e.call.id IN :ids ORDER BY e.position", ExchangeRow.class)
                .setParameter("ids", calls.stream().map(CallRow::id).toList()).getResultStream()
                .collect(Collectors.groupingBy(e -> e.call().id(), LinkedHashMap::new, Collectors.toList()));
        return calls.stream().map(c -> CallView.of(c, exchanges.getOrDefault(c.id(), List.of())))
                .collect(Collectors.toList());
    }
}
