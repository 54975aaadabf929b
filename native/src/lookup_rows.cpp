// Rows of 8-bit samples converted to floats through a table: a data loader's batch assembly.
#include "internal.h"

#if defined(__x86_64__)
#    include <immintrin.h>
#endif

extern "C" int g4_u8_lookup_rows(const uint8_t* src, int64_t src_rows, int64_t length, const int32_t* rows,
                                 int64_t count, const float* table, float* out, int64_t out_off) {
    if (src_rows < 0 || length < 0 || count < 0) return G4_INVALID_ARGUMENT;
    if (length == 0) return G4_OK;
    for (int64_t k = 0; k < count; k++) {
        if (rows[k] < 0 || rows[k] >= src_rows) return G4_INVALID_ARGUMENT;
    }
    // Shuffled rows lie far apart. Reading one byte of each of their cache lines first issues loads
    // that do not wait for each other, so the memory serves many lines at once; converting row after
    // row would wait for each line in turn.
    unsigned sum = 0;
    for (int64_t k = 0; k < count; k++) {
        const uint8_t* row = src + rows[k] * length;
        for (int64_t j = 0; j < length; j += 64) sum += row[j];
        sum += row[length - 1];
    }
    volatile unsigned touched = sum;
    static_cast<void>(touched);
    const auto lookup_row = g4::elementwise().lookup_row;
    for (int64_t k = 0; k < count; k++) lookup_row(src + rows[k] * length, table, out + out_off + k * length, length);
#if defined(__x86_64__)
    _mm_sfence();  // the streaming stores complete before the batch is handed on
#endif
    return G4_OK;
}
