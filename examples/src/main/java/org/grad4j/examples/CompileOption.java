package org.grad4j.examples;

import picocli.CommandLine.Option;

/** {@code --compile}: run each training step as a compiled graph instead of eagerly. */
public final class CompileOption {
    @Option(
            names = "--compile",
            description = "run each training step as one compiled graph (Compile.trainStep) instead of eagerly")
    private boolean compile;

    public boolean enabled() {
        return compile;
    }
}
