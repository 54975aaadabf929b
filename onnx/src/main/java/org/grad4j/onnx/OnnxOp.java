package org.grad4j.onnx;

/** How one ONNX operator runs in grad4j: its outputs from its inputs (null for an omitted optional input). */
@FunctionalInterface
interface OnnxOp {
    Value[] run(OnnxNode node, Value[] inputs);
}
