package dev.tollgate.tck.capture;

import java.util.List;

/**
 * A typed answer.
 *
 * @param verdict the verdict
 * @param score how strongly
 * @param reasons why
 */
public record Judgement(String verdict, int score, List<String> reasons) {
}
