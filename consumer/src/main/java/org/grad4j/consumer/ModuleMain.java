package org.grad4j.consumer;

import java.util.Arrays;
import org.grad4j.backend.Backend;
import org.grad4j.tensor.Tensor;

/**
 * Run on the module path: multiplies two matrices, then prints the backend and the modules that
 * ran, and whether grad4j's internal packages can be reached (they must not be).
 */
public final class ModuleMain {
    private ModuleMain() {}

    public static void main(String[] args) throws Exception {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        System.out.println("product: " + Arrays.toString(a.matmul(b).toArray()));
        System.out.println("backend: " + Backend.current().name());
        System.out.println("api module: " + Tensor.class.getModule().getName());
        System.out.println("backend module: " + Backend.current().getClass().getModule().getName());
        System.out.println("internal exported: "
                + Tensor.class.getModule().isExported("org.grad4j.internal.tensor", ModuleMain.class.getModule()));
        try {
            Class.forName("org.grad4j.internal.tensor.TensorInternals")
                    .getMethod("data", Tensor.class)
                    .invoke(null, a);
            System.out.println("internal call: allowed");
        } catch (IllegalAccessException e) {
            System.out.println("internal call: refused");
        }
    }
}
