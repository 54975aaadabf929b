package org.grad4j.internal.ops;

import java.util.ArrayList;
import java.util.List;

/** Every op's spec, gathered from the per-family files. */
final class OpSpecs {
    private OpSpecs() {}

    static List<OpSpec> all() {
        List<OpSpec> all = new ArrayList<>();
        all.addAll(ArithmeticSpecs.all());
        all.addAll(MatmulSpecs.all());
        all.addAll(FusedSpecs.all());
        all.addAll(ConvTransposeSpecs.all());
        all.addAll(ShapeSpecs.all());
        all.addAll(JoinIndexSpecs.all());
        all.addAll(ConvSpecs.all());
        all.addAll(UnarySpecs.all());
        all.addAll(ReductionSpecs.all());
        all.addAll(CompareSpecs.all());
        all.addAll(WhereSpecs.all());
        return all;
    }
}
