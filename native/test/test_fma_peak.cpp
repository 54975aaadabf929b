// The FMA peak on every instruction set the CPU has: a rate a CPU can have (loops that the compiler
// dropped would finish in no time), on one thread and on three.
#include <cmath>

#include "check.h"
#include "g4/kernels.h"

int main() {
    g4test::expect(g4_fma_peak(0) == -1.0, "no iterations is -1");
    g4test::for_each_isa("fma_peak", [&](const char* isa) {
        g4test::for_each_thread_count(g4_set_num_threads, [&] {
            const double flops = g4_fma_peak(2000000);
            std::printf("fma_peak: %s %s%.3g GFLOPS\n", isa, g4test::context().c_str(), flops / 1e9);
            g4test::expect(std::isfinite(flops) && flops > 1e6 && flops < 1e13,
                           std::string(isa) + " peak " + std::to_string(flops) + " flops/s is a CPU's");
        });
    });
    return g4test::finish("fma_peak");
}
