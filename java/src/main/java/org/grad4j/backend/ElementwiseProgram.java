package org.grad4j.backend;

import java.util.Arrays;

/**
 * A straight-line program of element-wise instructions that {@link Backend#elementwise} runs as one
 * pass over its output, tile by tile, so that the intermediate values never leave the cache: a
 * chain such as {@code sigmoid(x) * (1 - sigmoid(x)) * g} reads x and g once and writes once.
 *
 * <p>Registers {@code 0 .. inputs-1} hold the inputs; each instruction writes one register; the
 * last instruction's register is the result. Registers are reused once their value is dead, never
 * by an instruction that reads them. An instruction is {@value #WIDTH} code entries (kind, op
 * ordinal, destination, operands a, b, c) and two parameters (alpha, beta): a unary op reads a with
 * its parameters; a binary op reads a and b; {@link #WHERE} takes a where c is non-zero, else b. An
 * operand {@link #IMMEDIATE} of a binary op or a where stands for a constant: alpha in place a,
 * beta in place b.
 */
public final class ElementwiseProgram {
    /** The most inputs a program reads. */
    public static final int MAX_INPUTS = 4;
    /** The most instructions a program has. */
    public static final int MAX_INSTRUCTIONS = 32;
    /** The most registers a program uses, its inputs included. */
    public static final int MAX_REGISTERS = 16;
    /** Code entries per instruction. */
    public static final int WIDTH = 6;
    /** The operand that stands for the instruction's alpha (place a) or beta (place b). */
    public static final int IMMEDIATE = -1;
    /** Instruction kind: a {@link UnaryOp}. */
    public static final int UNARY = 0;
    /** Instruction kind: a {@link BinaryOp}. */
    public static final int BINARY = 1;
    /** Instruction kind: c != 0 ? a : b. */
    public static final int WHERE = 2;

    private final int inputs;
    private final int registers;
    private final int[] code;
    private final float[] params;

    private ElementwiseProgram(int inputs, int registers, int[] code, float[] params) {
        this.inputs = inputs;
        this.registers = registers;
        this.code = code;
        this.params = params;
    }

    /**
     * A builder of a program over {@code inputs} inputs, whose values are numbered 0 .. inputs-1.
     *
     * @param inputs the number of inputs, 1 to {@value #MAX_INPUTS}
     * @return the builder
     * @throws IllegalArgumentException if {@code inputs} is out of range
     */
    public static Builder builder(int inputs) {
        if (inputs < 1 || inputs > MAX_INPUTS) {
            throw new IllegalArgumentException(
                    "elementwise program: takes 1 to " + MAX_INPUTS + " inputs, got " + inputs);
        }
        return new Builder(inputs);
    }

    /**
     * @return the number of inputs
     */
    public int inputs() {
        return inputs;
    }

    /**
     * @return the number of registers the program uses, its inputs included
     */
    public int registers() {
        return registers;
    }

    /**
     * @return the number of instructions
     */
    public int instructions() {
        return code.length / WIDTH;
    }

    /**
     * Code entry {@code i}: entry {@code WIDTH·k + j} is field j (kind, op, destination, a, b, c) of instruction k.
     *
     * @param i the entry
     * @return its value
     */
    public int code(int i) {
        return code[i];
    }

    /**
     * Parameter {@code i}: alpha of instruction k is {@code 2k}, beta {@code 2k + 1}.
     *
     * @param i the parameter
     * @return its value
     */
    public float param(int i) {
        return params[i];
    }

    /**
     * @return the register holding the result
     */
    public int result() {
        return code[code.length - WIDTH + 2];
    }

    /**
     * The program as text that {@link #parse} reads back, e.g. {@code ElementwiseProgram(2 inputs,
     * 3 registers: r2 = SIGMOID(r0); r0 = SUB(1.0, r2); r2 = MUL(r0, r1))}; a unary op shows its
     * parameters after its operand when one is not 0.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ElementwiseProgram(" + inputs + " inputs, " + registers + " registers: ");
        for (int k = 0; k < instructions(); k++) {
            int at = k * WIDTH;
            float alpha = params[2 * k];
            float beta = params[2 * k + 1];
            s.append(k == 0 ? "" : "; ").append('r').append(code[at + 2]).append(" = ");
            switch (code[at]) {
                case UNARY -> {
                    s.append(UnaryOp.values()[code[at + 1]]).append("(r").append(code[at + 3]);
                    if (alpha != 0f || beta != 0f) {
                        s.append(", ").append(alpha).append(", ").append(beta);
                    }
                }
                case BINARY ->
                    s.append(BinaryOp.values()[code[at + 1]])
                            .append('(')
                            .append(operand(code[at + 3], alpha))
                            .append(", ")
                            .append(operand(code[at + 4], beta));
                default ->
                    s.append("WHERE(r")
                            .append(code[at + 5])
                            .append(", ")
                            .append(operand(code[at + 3], alpha))
                            .append(", ")
                            .append(operand(code[at + 4], beta));
            }
            s.append(')');
        }
        return s.append(')').toString();
    }

    private static String operand(int register, float immediate) {
        return register == IMMEDIATE ? Float.toString(immediate) : "r" + register;
    }

    /**
     * Reads a program from the text {@link #toString} gives.
     *
     * @param text the program's text
     * @return the program
     * @throws IllegalArgumentException if the text is not a program, or the program reads a register
     *     before it is written or uses more than {@value #MAX_REGISTERS}
     */
    public static ElementwiseProgram parse(String text) {
        try {
            String prefix = "ElementwiseProgram(";
            if (!text.startsWith(prefix) || !text.endsWith(")")) {
                throw new IllegalArgumentException("not ElementwiseProgram(...)");
            }
            String body = text.substring(prefix.length(), text.length() - 1);
            int colon = body.indexOf(": ");
            String[] counts = body.substring(0, colon).split(" inputs, | registers");
            int inputs = Integer.parseInt(counts[0]);
            int registers = Integer.parseInt(counts[1]);
            String[] lines = body.substring(colon + 2).split("; ");
            int[] code = new int[lines.length * WIDTH];
            float[] params = new float[lines.length * 2];
            for (int k = 0; k < lines.length; k++) {
                parseInstruction(lines[k], code, params, k);
            }
            ElementwiseProgram p = new ElementwiseProgram(inputs, registers, code, params);
            p.validate();
            return p;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("elementwise program: cannot read '" + text + "': " + e.getMessage(), e);
        }
    }

    private static void parseInstruction(String line, int[] code, float[] params, int k) {
        int eq = line.indexOf(" = ");
        int open = line.indexOf('(');
        if (!line.startsWith("r") || eq < 0 || open < eq || !line.endsWith(")")) {
            throw new IllegalArgumentException("instruction '" + line + "' is not rD = OP(...)");
        }
        String name = line.substring(eq + 3, open);
        String[] args = line.substring(open + 1, line.length() - 1).split(", ");
        int at = k * WIDTH;
        code[at + 2] = register(line.substring(0, eq));
        code[at + 3] = IMMEDIATE;
        code[at + 4] = IMMEDIATE;
        code[at + 5] = IMMEDIATE;
        if (name.equals("WHERE") && args.length == 3) {
            code[at] = WHERE;
            code[at + 5] = register(args[0]);
            operand(args[1], code, at + 3, params, 2 * k);
            operand(args[2], code, at + 4, params, 2 * k + 1);
        } else if (args.length == 2 && isBinary(name)) {
            code[at] = BINARY;
            code[at + 1] = BinaryOp.valueOf(name).ordinal();
            operand(args[0], code, at + 3, params, 2 * k);
            operand(args[1], code, at + 4, params, 2 * k + 1);
        } else if (args.length == 1 || args.length == 3) {
            code[at] = UNARY;
            code[at + 1] = UnaryOp.valueOf(name).ordinal();
            code[at + 3] = register(args[0]);
            params[2 * k] = args.length == 3 ? Float.parseFloat(args[1]) : 0f;
            params[2 * k + 1] = args.length == 3 ? Float.parseFloat(args[2]) : 0f;
        } else {
            throw new IllegalArgumentException("instruction '" + line + "' has " + args.length + " operands");
        }
    }

    private static boolean isBinary(String name) {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int register(String text) {
        if (!text.startsWith("r")) {
            throw new IllegalArgumentException("'" + text + "' is not a register");
        }
        return Integer.parseInt(text.substring(1));
    }

    private static void operand(String text, int[] code, int codeAt, float[] params, int paramAt) {
        if (text.startsWith("r")) {
            code[codeAt] = register(text);
        } else {
            params[paramAt] = Float.parseFloat(text);
        }
    }

    /** Fails unless every instruction is well formed and reads only registers written before it. */
    private void validate() {
        if (inputs < 1 || inputs > MAX_INPUTS || registers < inputs || registers > MAX_REGISTERS) {
            throw new IllegalArgumentException(inputs + " inputs and " + registers + " registers are out of range");
        }
        if (code.length == 0 || code.length > MAX_INSTRUCTIONS * WIDTH) {
            throw new IllegalArgumentException("has " + code.length / WIDTH + " instructions");
        }
        boolean[] written = new boolean[registers];
        Arrays.fill(written, 0, inputs, true);
        for (int at = 0; at < code.length; at += WIDTH) {
            for (int j = 3; j < WIDTH; j++) {
                int r = code[at + j];
                if (r != IMMEDIATE && (r < 0 || r >= registers || !written[r])) {
                    throw new IllegalArgumentException(
                            "instruction " + at / WIDTH + " reads r" + r + ", which is not written before it");
                }
            }
            if (code[at + 3] == IMMEDIATE && (code[at] == UNARY || code[at + 4] == IMMEDIATE)
                    || code[at] == WHERE && code[at + 5] == IMMEDIATE) {
                throw new IllegalArgumentException("instruction " + at / WIDTH + " lacks an operand");
            }
            int dst = code[at + 2];
            if (dst < 0 || dst >= registers) {
                throw new IllegalArgumentException(
                        "instruction " + at / WIDTH + " writes r" + dst + ", out of the " + registers + " registers");
            }
            written[dst] = true;
        }
    }

    /**
     * Builds a program from instructions on values (the inputs, then one value per instruction),
     * giving the registers on {@link #build}.
     */
    public static final class Builder {
        private final int inputs;
        private final int[] code = new int[MAX_INSTRUCTIONS * WIDTH];
        private final float[] params = new float[MAX_INSTRUCTIONS * 2];
        private int count;

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /**
         * Adds {@code op(x)} with the op's parameters.
         *
         * @param op the function
         * @param alpha its first parameter, where it has one
         * @param beta its second parameter, where it has one
         * @param x the operand's value
         * @return the result's value
         */
        public int unary(UnaryOp op, float alpha, float beta, int x) {
            return add(UNARY, op.ordinal(), x, IMMEDIATE, IMMEDIATE, alpha, beta);
        }

        /**
         * Adds {@code op(a, b)}.
         *
         * @param op the function
         * @param a the first operand's value
         * @param b the second operand's value
         * @return the result's value
         */
        public int binary(BinaryOp op, int a, int b) {
            return add(BINARY, op.ordinal(), a, b, IMMEDIATE, 0f, 0f);
        }

        /**
         * Adds {@code op(a, b)} with a constant b.
         *
         * @param op the function
         * @param a the first operand's value
         * @param b the constant
         * @return the result's value
         */
        public int binary(BinaryOp op, int a, float b) {
            return add(BINARY, op.ordinal(), a, IMMEDIATE, IMMEDIATE, 0f, b);
        }

        /**
         * Adds {@code op(a, b)} with a constant a.
         *
         * @param op the function
         * @param a the constant
         * @param b the second operand's value
         * @return the result's value
         */
        public int binary(BinaryOp op, float a, int b) {
            return add(BINARY, op.ordinal(), IMMEDIATE, b, IMMEDIATE, a, 0f);
        }

        /**
         * Adds {@code cond != 0 ? a : b}; a constant branch is given as {@link Float} and the other as
         * a value, or both as values.
         *
         * @param cond the condition's value
         * @param a the value taken where the condition holds, an Integer value or a Float constant
         * @param b the value taken elsewhere, an Integer value or a Float constant
         * @return the result's value
         */
        public int where(int cond, Number a, Number b) {
            return add(
                    WHERE,
                    0,
                    a instanceof Integer ia ? ia : IMMEDIATE,
                    b instanceof Integer ib ? ib : IMMEDIATE,
                    cond,
                    a instanceof Integer ? 0f : a.floatValue(),
                    b instanceof Integer ? 0f : b.floatValue());
        }

        private int add(int kind, int op, int a, int b, int c, float alpha, float beta) {
            if (count == MAX_INSTRUCTIONS) {
                throw new IllegalArgumentException(
                        "elementwise program: has more than " + MAX_INSTRUCTIONS + " instructions");
            }
            int value = inputs + count;
            for (int operand : new int[] {a, b, c}) {
                if (operand < IMMEDIATE || operand >= value) {
                    throw new IllegalArgumentException("elementwise program: instruction " + count
                            + " reads value " + operand + ", which is not defined before it (values 0 to "
                            + (value - 1) + ")");
                }
            }
            if (kind == WHERE && c == IMMEDIATE) {
                throw new IllegalArgumentException("elementwise program: a where needs a condition value");
            }
            if (kind == UNARY && a == IMMEDIATE || kind != UNARY && a == IMMEDIATE && b == IMMEDIATE) {
                throw new IllegalArgumentException(
                        "elementwise program: instruction " + count + " reads no value, only constants");
            }
            int at = count * WIDTH;
            code[at] = kind;
            code[at + 1] = op;
            code[at + 3] = a;
            code[at + 4] = b;
            code[at + 5] = c;
            params[2 * count] = alpha;
            params[2 * count + 1] = beta;
            count++;
            return value;
        }

        /**
         * The program whose result is the last instruction's value; values get registers, each
         * reused once its value is dead (never by an instruction that reads it).
         *
         * @return the program
         * @throws IllegalArgumentException if there is no instruction, or more than {@value #MAX_REGISTERS}
         *     registers are live at once
         */
        public ElementwiseProgram build() {
            if (count == 0) {
                throw new IllegalArgumentException("elementwise program: has no instruction");
            }
            int values = inputs + count;
            int[] lastUse = new int[values];
            for (int k = 0; k < count; k++) {
                for (int j = 3; j < WIDTH; j++) {
                    int v = code[k * WIDTH + j];
                    if (v != IMMEDIATE) {
                        lastUse[v] = k;
                    }
                }
            }
            int[] registerOf = new int[values];
            int[] holder = new int[MAX_REGISTERS];
            Arrays.fill(holder, -1);
            for (int v = 0; v < inputs; v++) {
                registerOf[v] = v;
                holder[v] = v;
            }
            int used = inputs;
            int[] out = Arrays.copyOf(code, count * WIDTH);
            for (int k = 0; k < count; k++) {
                for (int j = 3; j < WIDTH; j++) {
                    int v = code[k * WIDTH + j];
                    out[k * WIDTH + j] = v == IMMEDIATE ? IMMEDIATE : registerOf[v];
                }
                int r = 0;
                while (r < MAX_REGISTERS && holder[r] >= 0 && lastUse[holder[r]] >= k) {
                    r++;
                }
                if (r == MAX_REGISTERS) {
                    throw new IllegalArgumentException(
                            "elementwise program: needs more than " + MAX_REGISTERS + " registers at instruction " + k);
                }
                // a register whose value dies at this instruction is read by it: lastUse >= k keeps it
                holder[r] = inputs + k;
                registerOf[inputs + k] = r;
                out[k * WIDTH + 2] = r;
                used = Math.max(used, r + 1);
            }
            return new ElementwiseProgram(inputs, used, out, Arrays.copyOf(params, count * 2));
        }
    }
}
