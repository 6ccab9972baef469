package dev.tollgate.tck.telemetry;

import java.util.List;
import java.util.Map;

/**
 * One point of a metric, in plain Java types so that tests can read it where the SDK's metric types
 * are not visible.
 *
 * @param attributes its attributes, as text
 * @param count the histogram's count, or 1 for a sum
 * @param value the histogram's sum, or the sum's value
 * @param boundaries the histogram's bucket boundaries, empty for a sum
 * @param unit the metric's unit
 */
public record TckMetricPoint(Map<String, String> attributes, long count, double value, List<Double> boundaries,
        String unit) {
}
