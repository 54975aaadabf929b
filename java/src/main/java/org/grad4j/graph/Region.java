package org.grad4j.graph;

import java.util.List;

/**
 * A stretch of a traced graph that one layer recorded as a whole, as torch.onnx sees a module with
 * a symbolic: the layer's name ({@code "lstm"}, {@code "layerNorm"}), its configuration as
 * attributes, the values it was given (its input, then its parameters) and the values it returned.
 * Nodes {@code first} (inclusive) to {@code end} (exclusive) were recorded while it ran. An
 * exporter may write a region as one operator of its format instead of the ops inside it. Regions
 * describe a trace; the graphs that passes return have none.
 *
 * @param op the layer's name
 * @param attributes the layer's configuration
 * @param inputs the values the layer was given, in the order the layer documents
 * @param outputs the values the layer returned, in order
 * @param first the id of the first node recorded inside the region
 * @param end one past the id of the last node recorded inside the region
 */
public record Region(String op, Attributes attributes, List<Value> inputs, List<Value> outputs, int first, int end) {
    /**
     * Copies the lists.
     *
     * @param op the layer's name
     * @param attributes the layer's configuration
     * @param inputs the values the layer was given
     * @param outputs the values the layer returned
     * @param first the id of the first node inside the region
     * @param end one past the id of the last node inside the region
     */
    public Region {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * Whether a node was recorded inside the region.
     *
     * @param id the node's id
     * @return true for {@code first <= id < end}
     */
    public boolean contains(int id) {
        return id >= first && id < end;
    }
}
