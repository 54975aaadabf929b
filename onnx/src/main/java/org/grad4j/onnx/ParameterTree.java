package org.grad4j.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.grad4j.nn.Module;
import org.grad4j.nn.Parameter;
import org.grad4j.tensor.Tensor;

/**
 * Modules that hold a model's float initializers as parameters under their ONNX names: a dotted
 * name ({@code fc1.weight}) becomes a parameter of a child module, so that
 * {@code namedParameters()} gives the ONNX names back.
 */
abstract class ParameterTree extends Module {
    /** A child that only holds parameters: the initializers whose names share a dotted prefix. */
    private static final class Initializers extends ParameterTree {
        @Override
        public Tensor forward(Tensor input) {
            throw new UnsupportedOperationException("a group of an ONNX model's parameters has no forward");
        }

        @Override
        protected String extraRepr() {
            StringBuilder s = new StringBuilder();
            localParameters()
                    .forEach((name, p) -> s.append(s.length() == 0 ? "" : ", ")
                            .append(name)
                            .append(' ')
                            .append(java.util.Arrays.toString(p.shape())));
            return s.toString();
        }
    }

    private final Map<String, ParameterTree> groups = new LinkedHashMap<>();

    /** Registers {@code p} under its dotted ONNX name. */
    void add(String name, Parameter p) {
        String[] parts = name.split("\\.", -1);
        ParameterTree at = this;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new OnnxException("initializer '" + name + "': grad4j names parameters by ONNX names "
                        + "without empty parts between dots");
            }
            try {
                if (i == parts.length - 1) {
                    at.registerParameter(parts[i], p);
                } else {
                    ParameterTree next = at.groups.get(parts[i]);
                    if (next == null) {
                        next = at.registerModule(parts[i], new Initializers());
                        at.groups.put(parts[i], next);
                    }
                    at = next;
                }
            } catch (IllegalArgumentException e) {
                throw new OnnxException("initializer '" + name + "' clashes with another initializer's name", e);
            }
        }
    }
}
