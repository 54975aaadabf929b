package org.grad4j.backend.nativecpu;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.backend.Backend;
import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.Conv2dGeometry;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.Pool2dGeometry;
import org.grad4j.backend.ReduceOp;
import org.grad4j.backend.UnaryOp;

/**
 * Calls every {@link Backend} method of the native backend with one argument of a valid call
 * replaced at a time: sizes and offsets by -1, 2^16, 2^30, Integer.MIN_VALUE and MAX_VALUE; arrays
 * by null, empty and one-short ones (and so each array of an array of arrays); shapes and strides
 * by null, short, negative, huge and
 * {65536, 65536, 65536, 65536} (whose element count wraps to 0 in int and in 64-bit products of
 * four); geometries by null and with each field replaced; flags flipped. Each call must either
 * run or throw IllegalArgumentException. Run in a child JVM (NativeBackendAbuseTest) with heap
 * verification at every GC, so that a crash or a write outside an array fails the test. Prints
 * one line per method and a total; exits 1 if any call threw anything else.
 */
public final class NativeBackendAbuseMain {
    private static final int[] INT_EDGES = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 1 << 30};
    private static final int[] BIG_SHAPE = {65536, 65536, 65536, 65536};

    private NativeBackendAbuseMain() {}

    private static float[] f(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) Math.sin(i + 1);
        }
        return a;
    }

    /** A valid call of each method, by name. */
    private static Map<String, Object[]> validCalls() {
        Conv2dGeometry conv = new Conv2dGeometry(1, 2, 5, 5, 3, 3, 3, 1, 1, 0, 0, 1, 1, 1);
        Pool2dGeometry pool = new Pool2dGeometry(1, 1, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1);
        int[] s23 = {2, 3};
        int[] st = {3, 1};
        Map<String, Object[]> calls = new LinkedHashMap<>();
        calls.put("copy", new Object[] {s23, f(6), 0, st, f(6), 0, st});
        calls.put("fill", new Object[] {f(4), 0, 4, 1f});
        calls.put("unary", new Object[] {UnaryOp.EXP, 0f, 0f, f(4), 0, f(4), 0, 4});
        calls.put("binary", new Object[] {BinaryOp.ADD, s23, f(6), 0, st, f(6), 0, st, f(6), 0});
        calls.put("where", new Object[] {s23, f(6), 0, st, f(6), 0, st, f(6), 0, st, f(6), 0});
        ElementwiseProgram.Builder p = ElementwiseProgram.builder(2);
        p.unary(UnaryOp.TANH, 0f, 0f, p.binary(BinaryOp.ADD, 0, 1));
        calls.put("elementwise", new Object[] {
            p.build(), s23, new float[][] {f(6), f(3)}, new int[2], new int[][] {st, {0, 1}}, f(6), 0
        });
        calls.put("reduce", new Object[] {ReduceOp.SUM, f(6), 0, 2, 3, 1, f(2), 0});
        calls.put("gemm", new Object[] {false, false, 2, 3, 4, 1f, f(8), 0, 4, f(12), 0, 3, 0f, f(6), 0, 3});
        calls.put("conv2dForward", new Object[] {conv, f(50), 0, f(54), 0, f(27), 0});
        calls.put("conv2dBackwardData", new Object[] {conv, f(27), 0, f(54), 0, f(50), 0});
        calls.put("conv2dBackwardWeight", new Object[] {conv, f(50), 0, f(27), 0, f(54), 0});
        calls.put("maxPool2dForward", new Object[] {pool, f(16), 0, f(4), new int[4]});
        calls.put("maxPool2dBackward", new Object[] {pool, f(4), new int[] {0, 2, 8, 10}, f(16)});
        calls.put("avgPool2dForward", new Object[] {pool, f(16), 0, f(4)});
        calls.put("avgPool2dBackward", new Object[] {pool, f(4), f(16)});
        calls.put("gather", new Object[] {f(6), 0, 2, 3, 1, new int[] {0, 2}, 2, false, f(4)});
        calls.put("lookupRows", new Object[] {new byte[] {1, 2, 3, 4, 5, 6}, 2, new int[] {2, 0}, f(256), f(4), 0});
        calls.put("scatterAdd", new Object[] {f(4), 0, 2, 3, 1, new int[] {0, 2}, 2, false, f(6)});
        calls.put("biasActivation", new Object[] {UnaryOp.LEAKY_RELU, 0f, f(6), 0, f(3), 0, 2, 3, f(6), 0});
        calls.put("softmax", new Object[] {false, f(6), 0, 2, 3, 1, f(6), 0});
        calls.put("softmaxBackward", new Object[] {false, f(6), 0, f(6), 0, 2, 3, 1, f(6), 0});
        calls.put("crossEntropy", new Object[] {f(6), 0, 2, 3, new int[] {0, 2}, f(2), f(2)});
        calls.put("crossEntropyBackward", new Object[] {f(6), 0, 2, 3, new int[] {0, 2}, f(2), f(2), f(6)});
        calls.put("sgdStep", new Object[] {f(4), 0, f(4), 0, f(4), 4, 0.1f, 0.9f, 0f, 0f, false, true});
        calls.put("runParts", new Object[] {2, (java.util.function.IntConsumer) part -> {}});
        calls.put("adamStep", new Object[] {f(4), 0, f(4), 0, f(4), f(4), 4, 0.1f, 0.9f, 0.999f, 1e-8f, 0f, 1, false});
        return calls;
    }

    /** The replacements tried for one argument. */
    private static List<Object> replacements(Object value) throws ReflectiveOperationException {
        List<Object> out = new ArrayList<>();
        if (value instanceof Integer v) {
            for (int e : INT_EDGES) {
                if (e != v) {
                    out.add(e);
                }
            }
            out.add(v + 1);
        } else if (value instanceof Boolean b) {
            out.add(!b);
        } else if (value instanceof float[] a) {
            out.add(null);
            out.add(new float[0]);
            out.add(new float[1]);
            out.add(Arrays.copyOf(a, Math.max(0, a.length - 1)));
        } else if (value instanceof byte[] a) {
            out.add(null);
            out.add(new byte[0]);
            out.add(Arrays.copyOf(a, a.length - 1));
        } else if (value instanceof int[] a) {
            out.add(null);
            out.add(new int[0]);
            out.add(Arrays.copyOf(a, Math.max(0, a.length - 1)));
            out.add(new int[17]);
            out.add(BIG_SHAPE.clone());
            for (int i = 0; i < a.length; i++) {
                for (int e : new int[] {-2, -1, Integer.MAX_VALUE, 1 << 16}) {
                    int[] c = a.clone();
                    c[i] = e;
                    out.add(c);
                }
            }
        } else if (value instanceof float[][] a) {
            out.add(null);
            out.add(new float[0][]);
            for (int i = 0; i < a.length; i++) {
                for (Object e : replacements(a[i])) {
                    float[][] c = a.clone();
                    c[i] = (float[]) e;
                    out.add(c);
                }
            }
        } else if (value instanceof int[][] a) {
            out.add(null);
            out.add(new int[0][]);
            for (int i = 0; i < a.length; i++) {
                for (Object e : replacements(a[i])) {
                    int[][] c = a.clone();
                    c[i] = (int[]) e;
                    out.add(c);
                }
            }
        } else if (value instanceof Enum<?> || value instanceof ElementwiseProgram) {
            out.add(null);
        } else if (value instanceof Record r) {
            out.add(null);
            RecordComponent[] parts = r.getClass().getRecordComponents();
            Class<?>[] types =
                    Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
            for (int i = 0; i < parts.length; i++) {
                for (int e : new int[] {-1, 0, 1 << 16, 1 << 30, Integer.MAX_VALUE}) {
                    Object[] fields = new Object[parts.length];
                    for (int j = 0; j < parts.length; j++) {
                        fields[j] = parts[j].getAccessor().invoke(r);
                    }
                    fields[i] = e;
                    out.add(r.getClass().getDeclaredConstructor(types).newInstance(fields));
                }
            }
        }
        return out;
    }

    private static Method method(String name) {
        return Arrays.stream(Backend.class.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Backend method " + name));
    }

    /** Fresh copies of the arrays, so that one call's writes do not change the next call's input. */
    private static Object[] copy(Object[] args) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof float[] a) {
                c[i] = a.clone();
            } else if (c[i] instanceof int[] a) {
                c[i] = a.clone();
            } else if (c[i] instanceof float[][] a) {
                c[i] = Arrays.stream(a).map(float[]::clone).toArray(float[][]::new);
            }
        }
        return c;
    }

    public static void main(String[] args) throws Exception {
        NativeBackend backend = new NativeBackend();
        Map<String, Object[]> calls = validCalls();
        List<String> untested = new ArrayList<>();
        for (Method m : Backend.class.getMethods()) {
            if (m.getParameterCount() > 0
                    && !calls.containsKey(m.getName())
                    && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                untested.add(m.getName());
            }
        }
        List<String> failures = new ArrayList<>();
        if (!untested.isEmpty()) {
            failures.add("no valid call written for " + untested);
        }
        int total = 0;
        int rejected = 0;
        for (Map.Entry<String, Object[]> call : calls.entrySet()) {
            Method m = method(call.getKey());
            Object[] valid = call.getValue();
            try {
                m.invoke(backend, copy(valid));
            } catch (InvocationTargetException e) {
                failures.add(call.getKey() + " rejected its valid call: " + e.getCause());
            }
            int calls0 = 0;
            int rejected0 = 0;
            for (int i = 0; i < valid.length; i++) {
                for (Object replacement : replacements(valid[i])) {
                    Object[] a = copy(valid);
                    a[i] = replacement;
                    calls0++;
                    try {
                        m.invoke(backend, a);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof IllegalArgumentException) {
                            rejected0++;
                        } else {
                            failures.add(call.getKey() + " with argument " + i + " = " + show(replacement) + ": "
                                    + e.getCause());
                        }
                    }
                }
            }
            System.gc();
            System.out.println(call.getKey() + ": " + calls0 + " calls, " + rejected0 + " rejected");
            total += calls0;
            rejected += rejected0;
        }
        System.out.println("abuse total: " + total + " calls, " + rejected + " rejected with IllegalArgumentException, "
                + (total - rejected) + " ran, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("FAILURE " + f));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String show(Object o) {
        if (o instanceof float[] a) {
            return "float[" + a.length + "]";
        }
        if (o instanceof int[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(o);
    }
}
