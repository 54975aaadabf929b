package org.grad4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.grad4j.tensor.Tensor;

/**
 * The checks on a header, all done before any tensor is allocated: known dtypes, shapes of
 * non-negative dims whose product fits, byte ranges inside the data buffer, of the right length,
 * and not overlapping one another.
 *
 * <p>Members arrive one at a time from the parser and are kept in a compact form, so the parsed
 * JSON of one tensor is garbage before the next is read. Their number is bounded by the data
 * buffer: a tensor that is not empty takes at least 2 bytes of it (F16, BF16), so a header may
 * list at most {@value #EMPTY_TENSORS} tensors plus one per 2 bytes of data.
 */
final class HeaderEntries implements HeaderJson.Members {
    /** The tensors a header may list beyond one per 2 bytes of data: room for empty tensors. */
    static final int EMPTY_TENSORS = 1024;

    private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {}

    private final Path file;
    private final long dataBytes;
    private final long maxTensors;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    HeaderEntries(Path file, long dataBytes) {
        this.file = file;
        this.dataBytes = dataBytes;
        this.maxTensors = EMPTY_TENSORS + dataBytes / 2;
    }

    @Override
    public void member(String key, Object value) throws SafetensorsException {
        if (key.equals(Safetensors.METADATA)) {
            metadata(value, metadata);
            return;
        }
        if (entries.size() == maxTensors) {
            throw fail("the header lists more than " + maxTensors + " tensors, the most a data buffer of " + dataBytes
                    + " bytes allows (" + EMPTY_TENSORS + " plus one per 2 bytes)");
        }
        entries.add(entry(key, value));
    }

    /** The tensors, read from {@code whole} (the file) once every member has been checked. */
    Safetensors.Contents read(ByteBuffer whole, long dataStart) throws SafetensorsException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry prev = byOffset.get(i - 1);
            Entry next = byOffset.get(i);
            if (next.begin() < prev.end()) {
                throw fail("tensors '" + prev.name() + "' and '" + next.name() + "' overlap (bytes " + prev.begin()
                        + ".." + prev.end() + " and " + next.begin() + ".." + next.end() + ")");
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            float[] values = new float[numel(e.shape())];
            ByteBuffer slice = whole.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            slice.position((int) (dataStart + e.begin()));
            e.dtype().read(slice, values);
            tensors.put(e.name(), Tensor.wrap(values, e.shape()));
        }
        return new Safetensors.Contents(tensors, metadata);
    }

    private void metadata(Object value, Map<String, String> into) throws SafetensorsException {
        if (!(value instanceof Map<?, ?> map)) {
            throw fail("__metadata__ must be an object of strings");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw fail("__metadata__ value for '" + e.getKey() + "' is not a string");
            }
            into.put((String) e.getKey(), s);
        }
    }

    private Entry entry(String name, Object value) throws SafetensorsException {
        if (!(value instanceof Map<?, ?> info)
                || !info.keySet().equals(java.util.Set.of("dtype", "shape", "data_offsets"))) {
            throw fail("tensor '" + name + "' needs exactly dtype, shape and data_offsets");
        }
        if (!(info.get("dtype") instanceof String dtypeName)) {
            throw fail("tensor '" + name + "' has a dtype that is not a string");
        }
        Dtype dtype = Dtype.of(dtypeName);
        if (dtype == null) {
            throw fail("tensor '" + name + "' has dtype " + dtypeName + "; grad4j reads F32, F64, F16, BF16");
        }
        long[] shape = integers(name, "shape", info.get("shape"), -1);
        long[] offsets = integers(name, "data_offsets", info.get("data_offsets"), 2);
        int[] dims = new int[shape.length];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] > Integer.MAX_VALUE) {
                throw fail("tensor '" + name + "' has dim " + shape[d] + ", too large");
            }
            dims[d] = (int) shape[d];
            count = multiply(name, count, shape[d]);
        }
        long bytes = multiply(name, count, dtype.size);
        if (count > Integer.MAX_VALUE - 8) {
            throw fail("tensor '" + name + "' has " + count + " elements, more than a Java array holds");
        }
        if (offsets[0] > offsets[1] || offsets[1] > dataBytes) {
            throw fail("tensor '" + name + "' has data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] outside the data of " + dataBytes + " bytes");
        }
        if (offsets[1] - offsets[0] != bytes) {
            throw fail("tensor '" + name + "' of shape " + Arrays.toString(dims) + " and dtype " + dtype + " needs "
                    + bytes + " bytes, its data_offsets give " + (offsets[1] - offsets[0]));
        }
        return new Entry(name, dtype, dims, offsets[0], offsets[1]);
    }

    private long multiply(String name, long a, long b) throws SafetensorsException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw fail("tensor '" + name + "' has a shape whose size overflows");
        }
    }

    private long[] integers(String name, String field, Object value, int length) throws SafetensorsException {
        if (!(value instanceof List<?> list) || (length >= 0 && list.size() != length)) {
            throw fail("tensor '" + name + "' has a " + field + " that is not a list"
                    + (length >= 0 ? " of " + length + " integers" : " of integers"));
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long v)) {
                throw fail("tensor '" + name + "' has a " + field + " entry that is not a non-negative integer");
            }
            out[i] = v;
        }
        return out;
    }

    private static int numel(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private SafetensorsException fail(String problem) {
        return new SafetensorsException(file, problem);
    }
}
