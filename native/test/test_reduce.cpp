// Reductions, gather and scatter-add against plain loops.
#include "check.h"
#include "g4/kernels.h"

namespace {

void reductions() {
    const int64_t shapes[][3] = {{1, 1, 1}, {3, 7, 1}, {5, 8, 1}, {2, 17, 1}, {2, 13, 5}, {1, 1031, 1}, {4, 1, 3}};
    for (const auto& s : shapes) {
        const int64_t outer = s[0], size = s[1], inner = s[2];
        auto x = g4test::random(2 + outer * size * inner, 21);
        if (size > 2) x[2 + 1 * inner] = x[2 + 2 * inner];
        for (int op = 0; op < G4_REDUCE_COUNT; op++) {
            std::vector<float> out(outer * inner);
            g4_f32_reduce(op, x.data(), 2, outer, size, inner, out.data(), 0);
            std::vector<double> ref(outer * inner);
            for (int64_t o = 0; o < outer; o++) {
                for (int64_t j = 0; j < inner; j++) {
                    double sum = 0, best = x[2 + o * size * inner + j];
                    int64_t at = 0;
                    for (int64_t i = 0; i < size; i++) {
                        const double v = x[2 + (o * size + i) * inner + j];
                        sum += v;
                        const bool better = (op == G4_REDUCE_MAX || op == G4_REDUCE_ARGMAX) ? v > best : v < best;
                        if (better) {
                            best = v;
                            at = i;
                        }
                    }
                    ref[o * inner + j] = op == G4_REDUCE_SUM                            ? sum
                                         : (op == G4_REDUCE_MAX || op == G4_REDUCE_MIN) ? best
                                                                                        : at;
                }
            }
            g4test::close("reduce op " + std::to_string(op) + " [" + std::to_string(outer) + ", " +
                              std::to_string(size) + ", " + std::to_string(inner) + "]",
                          out.data(), ref.data(), ref.size(), 1e-5, 1e-5);
        }
    }
}

void gather_scatter() {
    const int64_t outer = 3, size = 5, inner = 2, count = 4;
    auto x = g4test::random(outer * size * inner, 22);
    std::vector<int32_t> per_row(outer * count * inner);
    for (size_t i = 0; i < per_row.size(); i++) per_row[i] = static_cast<int32_t>((i * 7) % size);
    const int32_t list[] = {4, 0, 4, 2};
    for (int per = 0; per < 2; per++) {
        const int32_t* index = per ? per_row.data() : list;
        std::vector<float> out(outer * count * inner);
        g4_f32_gather(x.data(), 0, outer, size, inner, index, count, per, out.data());
        std::vector<double> ref(out.size());
        std::vector<double> scattered(x.size(), 0.0);
        for (int64_t o = 0; o < outer; o++) {
            for (int64_t c = 0; c < count; c++) {
                for (int64_t j = 0; j < inner; j++) {
                    const int64_t at = (o * count + c) * inner + j;
                    const int64_t idx = per ? index[at] : index[c];
                    ref[at] = x[(o * size + idx) * inner + j];
                    scattered[(o * size + idx) * inner + j] += out[at];
                }
            }
        }
        g4test::close(per ? "gather per row" : "gather list", out.data(), ref.data(), ref.size());
        std::vector<float> dst(x.size(), 0.0f);
        g4_f32_scatter_add(out.data(), 0, outer, size, inner, index, count, per, dst.data());
        g4test::close(per ? "scatter_add per row" : "scatter_add list", dst.data(), scattered.data(), dst.size());
    }
}

}  // namespace

int main() {
    g4test::for_each_isa("reduce", [&](const char* isa) {
        g4test::context() = std::string(isa) + " ";
        reductions();
    });
    g4test::context().clear();
    gather_scatter();
    return g4test::finish("reduce");
}
