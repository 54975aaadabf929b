package org.grad4j.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/** JMH scores looked up by method and parameter values, in the benchmark's own time unit. */
final class Results {
    private final Map<String, Double> scores = new HashMap<>();

    Results(Collection<RunResult> runs) {
        for (RunResult run : runs) {
            String benchmark = run.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            StringBuilder key = new StringBuilder(method);
            for (String param : run.getParams().getParamsKeys()) {
                key.append(' ').append(param).append('=').append(run.getParams().getParam(param));
            }
            scores.put(key.toString(), run.getPrimaryResult().getScore());
        }
    }

    /** The score of {@code method} with parameters given as alternating names and values, or NaN if not run. */
    double score(String method, String... params) {
        Map<String, String> wanted = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            wanted.put(params[i], params[i + 1]);
        }
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            String[] parts = e.getKey().split(" ");
            if (!parts[0].equals(method)) {
                continue;
            }
            int matched = 0;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv[1].equals(wanted.get(kv[0]))) {
                    matched++;
                }
            }
            if (matched == wanted.size()) {
                return e.getValue();
            }
        }
        return Double.NaN;
    }
}
