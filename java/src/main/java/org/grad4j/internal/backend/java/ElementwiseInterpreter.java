package org.grad4j.internal.backend.java;

import static org.grad4j.backend.ElementwiseProgram.BINARY;
import static org.grad4j.backend.ElementwiseProgram.IMMEDIATE;
import static org.grad4j.backend.ElementwiseProgram.UNARY;
import static org.grad4j.backend.ElementwiseProgram.WIDTH;

import org.grad4j.backend.BinaryOp;
import org.grad4j.backend.ElementwiseProgram;
import org.grad4j.backend.UnaryOp;
import org.grad4j.internal.tensor.Shapes;

/**
 * Runs an {@link ElementwiseProgram} tile by tile: each row of the output is cut into tiles of
 * {@value #TILE} elements, and every instruction runs its {@link TileOps} loop (the Vector API's
 * where the JVM has it) over one tile before the next tile starts, so the registers stay in the cache. A register is an
 * array, an offset and a stride of 1 or 0 (a broadcast value, computed once per tile); an input
 * read with another stride is gathered into its register's array first.
 */
final class ElementwiseInterpreter {
    static final int TILE = 512;
    /** The tile loops of this JVM, chosen once. */
    static final TileOps BEST_OPS = TileOps.best();

    private static final UnaryOp[] UNARY_OPS = UnaryOp.values();
    private static final BinaryOp[] BINARY_OPS = BinaryOp.values();

    private final Parallel parallel;
    private final TileOps ops;
    /** Each thread's registers, made once: a call's tiles reuse them. */
    private final ThreadLocal<Registers> registers = ThreadLocal.withInitial(Registers::new);

    ElementwiseInterpreter(Parallel parallel, TileOps ops) {
        this.parallel = parallel;
        this.ops = ops;
    }

    void run(
            ElementwiseProgram p,
            int[] shape,
            float[][] inputs,
            int[] offsets,
            int[][] strides,
            float[] out,
            int outOffset) {
        if (StridedLoop.empty(shape)) {
            return;
        }
        int n = p.inputs();
        int[][] operandStrides = new int[n + 1][];
        System.arraycopy(strides, 0, operandStrides, 0, n);
        operandStrides[n] = Shapes.contiguousStrides(shape);
        StridedLoop loop = StridedLoop.of(shape, operandStrides);
        int inner = loop.inner;
        int tiles = (inner + TILE - 1) / TILE;
        int[] base = new int[n + 1];
        System.arraycopy(offsets, 0, base, 0, n);
        base[n] = outOffset;
        long work = (long) Math.min(inner, TILE) * p.instructions();
        int grain = (int) Math.max(1, (1 << 15) / Math.max(1, work));
        parallel.forRange(loop.outerCount * tiles, grain, (from, to) -> {
            Registers r = registers.get();
            int[] off = new int[n + 1];
            for (int item = from; item < to; item++) {
                int row = item / tiles;
                int start = (item % tiles) * TILE;
                int len = Math.min(TILE, inner - start);
                loop.rowOffsets(row, base, off);
                for (int k = 0; k < n; k++) {
                    r.load(k, inputs[k], off[k] + start * loop.innerStride(k), loop.innerStride(k), len);
                }
                runTile(p, r, len, out, off[n] + start);
            }
            java.util.Arrays.fill(r.data, null);
        });
    }

    /** The registers of one thread: where each value is, and an array per register to write into. */
    private static final class Registers {
        final float[][] buffers;
        final float[][] data;
        final int[] offset;
        final int[] stride;
        /** A binary op's or a where's constants: alpha at 0, beta at 1. */
        final float[] immediates = new float[2];

        Registers() {
            int count = ElementwiseProgram.MAX_REGISTERS;
            buffers = new float[count][TILE];
            data = new float[count][];
            offset = new int[count];
            stride = new int[count];
        }

        void load(int r, float[] x, int at, int xs, int len) {
            if (xs == 0 || xs == 1) {
                set(r, x, at, xs);
                return;
            }
            float[] b = buffers[r];
            for (int i = 0, j = at; i < len; i++, j += xs) {
                b[i] = x[j];
            }
            set(r, b, 0, 1);
        }

        void set(int r, float[] d, int at, int s) {
            data[r] = d;
            offset[r] = at;
            stride[r] = s;
        }
    }

    private void runTile(ElementwiseProgram p, Registers r, int len, float[] out, int outAt) {
        int last = p.instructions() - 1;
        float[] imm = r.immediates;
        for (int k = 0; k <= last; k++) {
            int c = k * WIDTH;
            int kind = p.code(c);
            int op = p.code(c + 1);
            int dst = p.code(c + 2);
            float alpha = p.param(2 * k);
            float beta = p.param(2 * k + 1);
            imm[0] = alpha;
            imm[1] = beta;
            int a = p.code(c + 3);
            int b = p.code(c + 4);
            float[] ad = a == IMMEDIATE ? imm : r.data[a];
            int ao = a == IMMEDIATE ? 0 : r.offset[a];
            int as = a == IMMEDIATE ? 0 : r.stride[a];
            float[] bd = b == IMMEDIATE ? imm : r.data[b];
            int bo = b == IMMEDIATE ? 1 : r.offset[b];
            int bs = b == IMMEDIATE ? 0 : r.stride[b];
            boolean broadcast = as == 0 && (kind == UNARY || bs == 0);
            if (kind == ElementwiseProgram.WHERE) {
                broadcast &= r.stride[p.code(c + 5)] == 0;
            }
            int count = broadcast ? 1 : len;
            float[] dd = k == last && !broadcast ? out : r.buffers[dst];
            int dOff = k == last && !broadcast ? outAt : 0;
            if (kind == UNARY) {
                ops.unary(UNARY_OPS[op], alpha, beta, ad, ao, dd, dOff, count);
            } else if (kind == BINARY) {
                ops.binary(BINARY_OPS[op], count, ad, ao, as, bd, bo, bs, dd, dOff);
            } else {
                int cr = p.code(c + 5);
                ops.where(count, r.data[cr], r.offset[cr], r.stride[cr], ad, ao, as, bd, bo, bs, dd, dOff);
            }
            r.set(dst, dd, dOff, broadcast ? 0 : 1);
        }
        if (r.stride[p.result()] == 0) {
            java.util.Arrays.fill(out, outAt, outAt + len, r.data[p.result()][r.offset[p.result()]]);
        }
    }
}
