package org.grad4j.examples;

import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: this jar's version, the JVM's, and the backends that load here. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        // Set in the runnable jar's manifest; a run from compiled classes has none.
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "grad4j-examples " + (version == null ? "(not run from its jar: version unknown)" : version),
            "Java " + Runtime.version() + ", backends: " + String.join(", ", BackendOption.names())
        };
    }
}
