package org.grad4j.backend.nativecpu;

import java.util.Locale;

/** Loads the native libraries; kept apart so the provider itself never links JavaCPP. */
final class NativeLibrary {
    private NativeLibrary() {}

    static void load() {
        org.bytedeco.javacpp.Loader.load(org.grad4j.jni.global.g4kernels.class);
    }

    /** JavaCPP's name of this platform, e.g. linux-x86_64, computed without JavaCPP. */
    static String platform() {
        String override = System.getProperty("org.bytedeco.javacpp.platform");
        if (override != null) {
            return override;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux")
                ? "linux"
                : os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64")
                ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return o + "-" + a;
    }
}
