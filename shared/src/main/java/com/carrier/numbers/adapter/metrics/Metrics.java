package com.carrier.numbers.adapter.metrics;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Counters in CloudWatch embedded metric format (EMF): each count is one JSON line on stdout, which
 * CloudWatch Logs turns into a metric of the stack's namespace ({@code METRICS_NAMESPACE}). No SDK
 * call and no library, so nothing is added to a cold start or a request but a print. Outside Lambda
 * (no {@code AWS_LAMBDA_FUNCTION_NAME}) the lines are dropped unless a test installs a sink.
 */
public final class Metrics {
    /** Metric names, as the template's alarms name them. */
    public static final String PURCHASES = "Purchases";
    public static final String ERRORS = "Errors";
    public static final String RENEWALS_CHARGED = "RenewalsCharged";
    public static final String RENEWALS_SUSPENDED = "RenewalsSuspended";
    public static final String RENEWALS_FAILED = "RenewalsFailed";
    /** Due renewals the hourly run put on the provisioning queue (the consumer counts the three above). */
    public static final String RENEWALS_QUEUED = "RenewalsQueued";
    public static final String TRANSACTION_CONFLICT_RETRIES = "TransactionConflictRetries";
    public static final String UNKNOWN_TOKENS = "UnknownTokens";
    /** The dimension of {@link #ERRORS}. */
    public static final String ERROR_CODE = "ErrorCode";

    private static final String NAMESPACE = namespace();
    private static volatile Consumer<String> sink = System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null ? line -> { } : System.out::println;

    private Metrics() {
    }

    /** Adds 1 to {@code metric}. */
    public static void count(String metric) {
        emit(Map.of(metric, 1), null, null);
    }

    /** Adds 1 to {@code metric} in the series of {@code dimension}={@code value} (e.g. Errors by ErrorCode). */
    public static void count(String metric, String dimension, String value) {
        emit(Map.of(metric, 1), dimension, value);
    }

    /** Several counts in one line (zeros included, so a quiet run is a data point, not missing data). */
    public static void counts(Map<String, Integer> metrics) {
        emit(metrics, null, null);
    }

    /** Sends the lines to {@code next} (tests); answers the sink it replaced. */
    public static Consumer<String> redirect(Consumer<String> next) {
        Consumer<String> previous = sink;
        sink = next;
        return previous;
    }

    private static void emit(Map<String, Integer> metrics, String dimension, String value) {
        StringBuilder line = new StringBuilder(256).append("{\"_aws\":{\"Timestamp\":").append(System.currentTimeMillis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":");
        quote(line, NAMESPACE).append(",\"Dimensions\":[[");
        if (dimension != null) {
            quote(line, dimension);
        }
        line.append("]],\"Metrics\":[");
        String comma = "";
        for (String name : metrics.keySet()) {
            quote(line.append(comma).append("{\"Name\":"), name).append(",\"Unit\":\"Count\"}");
            comma = ",";
        }
        line.append("]}]}");
        if (dimension != null) {
            quote(quote(line.append(','), dimension).append(':'), value);
        }
        for (var m : metrics.entrySet()) {
            quote(line.append(','), m.getKey()).append(':').append(m.getValue());
        }
        sink.accept(line.append('}').toString());
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    private static String namespace() {
        String ns = System.getenv("METRICS_NAMESPACE");
        return ns == null || ns.isBlank() ? "NumbersPlatform" : ns;
    }
}
