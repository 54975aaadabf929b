package org.grad4j.benchmarks;

import java.util.Map;

/**
 * One part of the report: the JMH benchmarks it runs (a regex over benchmark names), the
 * parameter values it sweeps, and how its results become a Markdown table.
 */
record Section(String name, String title, String include, Map<String, String[]> params, Table table) {

    /** Turns a section's results into Markdown rows under a header. */
    interface Table {
        String render(Results results);
    }
}
