package org.grad4j.jni.presets;

import java.util.List;
import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.LoadEnabled;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.annotation.NoException;
import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.tools.Info;
import org.bytedeco.javacpp.tools.InfoMap;
import org.bytedeco.javacpp.tools.InfoMapper;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * The JavaCPP preset of our kernels: configuration only. JavaCPP parses native/include/g4/kernels.h
 * into {@code org.grad4j.jni.global.g4kernels} and builds the JNI library {@code jnig4kernels}, which
 * links {@code libg4kernels} (built by CMake). No kernel throws, so the glue has no exception
 * handling ({@code @NoException}), which {@code @CriticalRegion} requires.
 */
@Properties(
        inherit = openblas_nolapack.class,
        target = "org.grad4j.jni.global.g4kernels",
        global = "org.grad4j.jni.global.g4kernels",
        value = @Platform(include = "g4/kernels.h", link = "g4kernels"))
@NoException
public class g4kernels implements InfoMapper, LoadEnabled {
    static {
        Loader.checkVersion("org.bytedeco", "javacpp");
    }

    /**
     * The inherited preset asks to link {@code openblas_nolapack}, which the openblas jar does not
     * ship; our JNI glue calls no BLAS itself (libg4kernels does), so the entry is dropped. The
     * inherited preload still loads libopenblas at run time.
     */
    @Override
    public void init(ClassProperties properties) {
        List<String> links = properties.get("platform.link");
        links.removeIf(link -> link.startsWith("openblas_nolapack"));
    }

    @Override
    public void map(InfoMap infoMap) {
        infoMap.put(new Info("G4_PINNED").annotations("@CriticalRegion"))
                .put(new Info("G4_EXPORT").cppTypes().annotations())
                .put(new Info("G4_KERNELS_H").skip());
    }
}
