package org.grad4j.onnx;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The ONNX operators grad4j runs, by op type, in the default domain, opsets 1 to 17. */
final class Operators {
    static final int MIN_OPSET = 1;
    static final int MAX_OPSET = 17;

    private static final Map<String, OnnxOp> ALL = new HashMap<>();

    static {
        ElementwiseOps.register(ALL);
        ShapeOps.register(ALL);
        NnOps.register(ALL);
        ReduceOps.register(ALL);
        LossOps.register(ALL);
        PadOps.register(ALL);
        RecurrentOps.register(ALL);
    }

    private Operators() {}

    static OnnxOp get(String opType) {
        return ALL.get(opType);
    }

    static Set<String> names() {
        return new TreeSet<>(ALL.keySet());
    }
}
