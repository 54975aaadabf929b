package org.grad4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md compiles, with its own imports only, and runs, so that
 * the README cannot drift from the code. A block becomes a class whose {@code run()} method holds
 * its statements, laid out so that compiler errors and stack traces give README.md's line numbers.
 */
class ReadmeCodeTest {
    private static final Path README = Path.of("..", "README.md");

    @TestFactory
    List<DynamicTest> everyJavaBlockCompilesAndRuns() throws IOException {
        List<String> readme = Files.readAllLines(README);
        List<DynamicTest> tests = new ArrayList<>();
        for (int fence = 0; fence < readme.size(); fence++) {
            if (readme.get(fence).startsWith("```java")) {
                int end = readme.subList(fence, readme.size()).indexOf("```") + fence;
                int line = fence + 1;
                assertTrue(end > fence, "README.md line " + line + ": the block is never closed");
                String source = source(line, readme.subList(line, end));
                tests.add(dynamicTest("README.md line " + line, () -> run(line, source)));
                fence = end;
            }
        }
        assertFalse(tests.isEmpty(), "no ```java block in " + README.toAbsolutePath());
        return tests;
    }

    /**
     * The block's imports, then a class whose run() method holds the rest of the block; blank
     * lines stand for the README above it, so that line n of the source is README line n.
     */
    private static String source(int line, List<String> block) {
        List<String> lines = new ArrayList<>(Collections.nCopies(line, ""));
        lines.addAll(block);
        int header = line - 1;
        for (int i = line; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                header = i;
            }
        }
        lines.set(
                header,
                lines.get(header) + " public class " + className(line) + " {"
                        + " public static void run() throws Exception {");
        lines.add("}}");
        return String.join("\n", lines);
    }

    private static String className(int line) {
        return "ReadmeLine" + line;
    }

    private static void run(int line, String source) throws Throwable {
        MethodHandles.publicLookup()
                .findStatic(compile(line, source), "run", MethodType.methodType(void.class))
                .invokeExact();
    }

    private static Class<?> compile(int line, String source) throws ClassNotFoundException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        JavaFileManager files =
                new ForwardingJavaFileManager<>(javac.getStandardFileManager(diagnostics, null, UTF_8)) {
                    @Override
                    public JavaFileObject getJavaFileForOutput(
                            Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                        return new SimpleJavaFileObject(URI.create("mem:///" + name + kind.extension), kind) {
                            @Override
                            public OutputStream openOutputStream() {
                                return classes.computeIfAbsent(name, n -> new ByteArrayOutputStream());
                            }
                        };
                    }
                };
        JavaFileObject readme = new SimpleJavaFileObject(URI.create("README.md"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }

            @Override
            public boolean isNameCompatible(String simpleName, JavaFileObject.Kind kind) {
                return simpleName.equals(className(line));
            }
        };
        List<String> options = List.of("-classpath", classPath(), "-proc:none");
        boolean compiled = javac.getTask(null, files, diagnostics, options, null, List.of(readme))
                .call();
        if (!compiled) {
            fail(diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString)
                    .collect(Collectors.joining(
                            "\n", "README.md line " + line + ": the block does not compile:\n", "")));
        }
        return new ClassLoader(ReadmeCodeTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes.toByteArray(), 0, bytes.size());
            }
        }.loadClass(className(line));
    }

    /** Surefire runs tests from a manifest-only jar and puts the real class path here. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
