package org.grad4j.examples;

/** The Fashion-MNIST subset embedded in the examples jar, loaded the way the examples load data. */
final class EmbeddedSubset {
    private EmbeddedSubset() {}

    static FashionData.Split load() {
        return FashionData.load(FashionData.extractSubset());
    }
}
