package org.grad4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compiled module-info of grad4j-core: the API packages are exported, nothing internal is. */
class ModuleDescriptorTest {
    @Test
    void theModuleExportsTheApiPackagesOnlyAndUsesBackendProviders() throws IOException {
        ModuleDescriptor module;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertEquals("org.grad4j", module.name());
        Set<String> exported = module.exports().stream()
                .peek(e -> assertTrue(e.targets().isEmpty(), "qualified export " + e))
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                new TreeSet<>(Set.of(
                        "org.grad4j.autograd",
                        "org.grad4j.backend",
                        "org.grad4j.data",
                        "org.grad4j.graph",
                        "org.grad4j.io",
                        "org.grad4j.metrics",
                        "org.grad4j.nn",
                        "org.grad4j.nn.loss",
                        "org.grad4j.optim",
                        "org.grad4j.optim.lr",
                        "org.grad4j.tensor")),
                exported);
        Set<String> hidden = packagesIn(Path.of("target/classes"));
        hidden.removeAll(exported);
        assertEquals(
                Set.of(
                        "org.grad4j.internal.backend.java",
                        "org.grad4j.internal.math",
                        "org.grad4j.internal.ops",
                        "org.grad4j.internal.trace",
                        "org.grad4j.internal.tensor"),
                hidden);
        assertEquals(Set.of("org.grad4j.backend.BackendProvider"), module.uses());
        assertTrue(module.opens().isEmpty(), "opens " + module.opens());
    }

    private static Set<String> packagesIn(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f ->
                            f.toString().endsWith(".class") && !f.getParent().equals(classes))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
