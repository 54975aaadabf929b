package org.grad4j.examples;

import org.grad4j.data.DatasetOptions;

/** The Fashion-MNIST subset embedded in the examples jar, loaded the way the examples load data. */
final class EmbeddedSubset {
    private EmbeddedSubset() {}

    static FashionData.Split load() {
        return FashionData.load(
                new Options("test", 1, 1, 1),
                new DatasetOptions().root(FashionData.extractSubset()).download(false));
    }
}
