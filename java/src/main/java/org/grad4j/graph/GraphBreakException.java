package org.grad4j.graph;

/**
 * Traced code did something a graph cannot hold: read tensor values into Java ({@code item()},
 * {@code toArray()}, a branch on a value), wrote in place where a graph cannot (through a view, to
 * an input, or under noGrad to a tensor that requires grad), or called a user-defined
 * {@code Function}. The message names what and the line of the caller's code where it happened.
 */
public final class GraphBreakException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** What broke the graph. */
    private final String operation;

    /** Where, as the first frame outside grad4j. */
    private final String callSite;

    GraphBreakException(String operation, String callSite, String why) {
        super("graph break: " + operation + " at " + callSite + ": " + why);
        this.operation = operation;
        this.callSite = callSite;
    }

    /**
     * What broke the graph, e.g. {@code "item()"}.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }

    /**
     * Where, as {@code Class.method(File.java:42)}: the first frame outside grad4j.
     *
     * @return the call site
     */
    public String callSite() {
        return callSite;
    }
}
