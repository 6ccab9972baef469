package dev.tollgate.sample.dashboard;

import dev.tollgate.sample.data.CallRow;
import dev.tollgate.sample.data.ExchangeRow;
import java.math.BigDecimal;
import java.util.List;

/**
 * One of the latest calls, as the dashboard's table shows it.
 *
 * @param id the record id
 * @param callName the call name
 * @param principal the caller, or {@code null}
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param errorCategory the failure's category, or {@code null}
 * @param startedAt when it began, ISO-8601
 * @param durationMillis how long it ran
 * @param models the models its requests went to, in order
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param cost its cost
 * @param currency the cost's currency
 * @param prompt the first request's messages, when captured
 * @param answer the last answer, when captured
 */
public record CallView(String id, String callName, String principal, String outcome, String errorCategory,
        String startedAt, long durationMillis, List<String> models, long inputTokens, long outputTokens,
        BigDecimal cost, String currency, String prompt, String answer) {

    static CallView of(CallRow call, List<ExchangeRow> exchanges) {
        String prompt = exchanges.stream().map(ExchangeRow::prompt).filter(p -> p != null).findFirst().orElse(null);
        String answer = exchanges.stream().map(ExchangeRow::answer).filter(a -> a != null)
                .reduce((first, second) -> second).orElse(null);
        return new CallView(call.id(), call.callName(), call.principal(), call.outcome(), call.errorCategory(),
                call.startedAt().toString(), call.durationMillis(),
                exchanges.stream().map(e -> e.provider() + "/" + e.model()).toList(),
                call.tokens().inputTokens(), call.tokens().outputTokens(), call.cost().total(),
                call.cost().currency(), prompt, answer);
    }
}
