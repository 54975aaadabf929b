package org.grad4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeneratorTest {
    @Test
    void theSequenceIsSplitMix64AsJavasSplittableRandomDrawsIt() {
        // the values java.util.SplittableRandom(42) gives on JDK 17 and 25, so seeds keep their meaning
        Generator g = new Generator(42);
        assertEquals(-4767286540954276203L, g.nextLong());
        assertEquals(2949826092126892291L, g.nextLong());
        assertEquals(5139283748462763858L, g.nextLong());
        assertEquals(0.34419071652363753, g.nextDouble());
        assertEquals(0.03803016854024621, g.nextDouble());
        assertEquals(0.8682280765465323, g.nextDouble());
        assertEquals(3, g.nextInt(7));
        assertEquals(14, g.nextInt(16));
        assertEquals(328, g.nextInt(1000));
        assertEquals(1182818706, g.nextInt(Integer.MAX_VALUE));
        assertEquals(0, g.nextInt(3));
        assertThrows(IllegalArgumentException.class, () -> g.nextInt(0));
    }

    @Test
    void aRestoredStateDrawsTheSameValuesAgainNormalPairsIncluded() {
        Generator g = new Generator(3);
        g.nextGaussian();
        Generator.State state = g.getState();
        double[] first = {g.nextGaussian(), g.nextGaussian(), g.nextDouble()};
        g.setState(state);
        assertArrayEquals(first, new double[] {g.nextGaussian(), g.nextGaussian(), g.nextDouble()});
        assertArrayEquals(
                Tensor.randn(new Generator(9), 5).toArray(),
                Tensor.randn(new Generator(1).setState(new Generator(9).getState()), 5)
                        .toArray());
    }
}
