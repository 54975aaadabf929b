// The one thread pool of the library. Our kernels, and the GEMMs that run in OpenBLAS, split their
// work over it, so the library never holds more busy threads than g4_set_num_threads gave it.
#ifndef G4_PARALLEL_H
#define G4_PARALLEL_H

#include <algorithm>
#include <cstdint>

namespace g4 {

// Threads of the pool, the calling thread included.
int pool_threads();
void set_pool_threads(int threads);

// How many parts parallel_for cuts [0, n) into: one per thread, each at least `grain` long.
int parallel_parts(int64_t n, int64_t grain);

using PartFn = void (*)(const void* body, int part, int64_t begin, int64_t end);

// Runs fn(body, part, begin, end) for part in [0, parts), part covering [n − n·(parts − part)/parts,
// n − n·(parts − part − 1)/parts): the first parts are the longer ones, as the caller, who needs no
// waking, takes part 0. Parts run on the pool, which runs one region at a time (a caller that finds
// it in use waits), or one after another on the caller when this call is nested in a part or the
// pool has one thread: the same parts either way, so results do not depend on which thread ran what.
void run_parts(int64_t n, int parts, PartFn fn, const void* body);

// Whether this thread is running a part of a region: work it splits runs on this thread alone.
bool in_parallel_part();

// body(part, begin, end) over `parts` parts of [0, n), as above.
template <typename Body>
void run_parts(int64_t n, int parts, const Body& body) {
    if (parts <= 1) {
        if (n > 0) body(0, int64_t{0}, n);
        return;
    }
    run_parts(
        n, parts,
        [](const void* b, int part, int64_t begin, int64_t end) { (*static_cast<const Body*>(b))(part, begin, end); },
        &body);
}

// body(part, begin, end) over parallel_parts(n, grain) parts of [0, n).
template <typename Body>
void parallel_for(int64_t n, int64_t grain, const Body& body) {
    run_parts(n, parallel_parts(n, grain), body);
}

// The least elements of a part of an element-wise loop: a smaller part saves less than a wake-up costs.
constexpr int64_t kElementwiseGrain = int64_t{1} << 14;

// The grain, in items, of a loop over items (rows, planes, lines) of `elements` each.
inline int64_t items_grain(int64_t elements) {
    return std::max<int64_t>(1, kElementwiseGrain / std::max<int64_t>(1, elements));
}

}  // namespace g4

#endif
