package org.grad4j.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.grad4j.onnx.proto.OnnxProto.TensorProto;
import org.grad4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Runs every test of ONNX's backend test data whose model uses only the operators grad4j imports
 * and only float32/int64 inputs and outputs, and compares each output with rtol 1e-3 and atol
 * 1e-5. It writes every test's result (passed, failed with why, or not run with why) to
 * {@code target/onnx-backend-tests.txt} and fails when fewer tests pass than {@link #PASSING}.
 */
class BackendConformanceTest {
    /** Tests of the set that pass today: a floor that only rises. */
    static final int PASSING = 635;

    @Test
    void backendTests() throws IOException {
        List<BackendTestData.Case> cases = BackendTestData.cases();
        List<String> lines = new ArrayList<>();
        Map<String, Integer> inSet = new LinkedHashMap<>();
        Map<String, Integer> passed = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (BackendTestData.Case c : cases) {
            if (c.excluded() != null) {
                lines.add("not run  " + c.name() + ": " + c.excluded());
                continue;
            }
            inSet.merge(c.suite(), 1, Integer::sum);
            String failure = run(c.dir());
            if (failure == null) {
                passed.merge(c.suite(), 1, Integer::sum);
                lines.add("passed   " + c.name());
            } else {
                failures.add(c.name() + ": " + failure);
                lines.add("failed   " + c.name() + ": " + failure);
            }
        }
        int total = inSet.values().stream().mapToInt(Integer::intValue).sum();
        int ok = passed.values().stream().mapToInt(Integer::intValue).sum();
        Path report = Path.of("target", "onnx-backend-tests.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        System.out.println("ONNX backend tests: " + ok + " of " + total + " in the set passed " + passed + " of "
                + inSet + "; " + (cases.size() - total) + " not run; every test's result in " + report);
        assertTrue(
                ok >= PASSING,
                ok + " backend tests passed, fewer than the " + PASSING + " that pass today; failures:\n"
                        + String.join("\n", failures));
    }

    /** Why the test fails, or null when every data set gives the expected outputs. */
    private static String run(Path dir) {
        try {
            OnnxModel model = OnnxModel.load(dir.resolve("model.onnx"));
            List<Path> sets;
            try (Stream<Path> s = Files.list(dir)) {
                sets = s.filter(p -> p.getFileName().toString().startsWith("test_data_set_"))
                        .sorted()
                        .toList();
            }
            for (Path set : sets) {
                List<TensorProto> in = BackendTestData.tensors(set, "input_");
                List<TensorProto> expected = BackendTestData.tensors(set, "output_");
                Map<String, Tensor> given = new LinkedHashMap<>();
                for (int i = 0; i < in.size() && i < model.inputs().size(); i++) {
                    given.put(
                            model.inputs().get(i).name(),
                            TensorProtos.read(in.get(i), null).tensor("input " + i));
                }
                List<Tensor> got = new ArrayList<>(model.run(given).values());
                for (int i = 0; i < expected.size(); i++) {
                    Tensor want = TensorProtos.read(expected.get(i), null).tensor("output " + i);
                    String diff = difference(want, got.get(i));
                    if (diff != null) {
                        return set.getFileName() + " output " + i + ": " + diff;
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static String difference(Tensor want, Tensor got) {
        if (!Arrays.equals(want.shape(), got.shape())) {
            return "shape " + Arrays.toString(got.shape()) + ", expected " + Arrays.toString(want.shape());
        }
        float[] w = want.toArray();
        float[] g = got.toArray();
        for (int i = 0; i < w.length; i++) {
            boolean same =
                    Float.isNaN(w[i]) ? Float.isNaN(g[i]) : Math.abs(g[i] - w[i]) <= 1e-5 + 1e-3 * Math.abs(w[i]);
            if (!same) {
                return "element " + i + " is " + g[i] + ", expected " + w[i];
            }
        }
        return null;
    }
}
