package org.grad4j.backend.nativecpu;

import java.io.File;

/** The java that tests start child JVMs with: this JVM's, or the launcher -Dgrad4j.test.childJava names. */
final class ChildJvm {
    private ChildJvm() {}

    static String java() {
        return System.getProperty(
                "grad4j.test.childJava",
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
