// Convolution forward and both backwards against direct loops over a range of geometries, with
// every instruction set the CPU has (AVX2 and AVX-512 run the convolutions' GEMMs on our own kernels).
#include "check.h"
#include "g4/kernels.h"

namespace {

struct Case {
    int32_t n, c, h, w, o, kh, kw, s, p, d, g;
};

void one(const Case& t) {
    const int32_t oh = (t.h + 2 * t.p - t.d * (t.kh - 1) - 1) / t.s + 1;
    const int32_t ow = (t.w + 2 * t.p - t.d * (t.kw - 1) - 1) / t.s + 1;
    const int32_t geo[G4_CONV_GEOMETRY_SIZE] = {t.n, t.c, t.h, t.w, t.o, t.kh, t.kw, t.s,
                                                t.s, t.p, t.p, t.d, t.d, t.g,  oh,   ow};
    const int32_t cg = t.c / t.g, og = t.o / t.g;
    auto x = g4test::random(t.n * t.c * t.h * t.w, 31);
    auto w = g4test::random(t.o * cg * t.kh * t.kw, 32);
    auto gy = g4test::random(t.n * t.o * oh * ow, 33);
    std::vector<float> ws(g4_f32_conv2d_workspace_size(geo));
    std::vector<float> y(gy.size()), gx(x.size()), gw(w.size());
    const int64_t wsl = static_cast<int64_t>(ws.size());
    g4_f32_conv2d_fwd(geo, x.data(), 0, w.data(), 0, y.data(), 0, ws.data(), wsl);
    g4_f32_conv2d_bwd_data(geo, gy.data(), 0, w.data(), 0, gx.data(), 0, ws.data(), wsl);
    g4_f32_conv2d_bwd_weight(geo, x.data(), 0, gy.data(), 0, gw.data(), 0, ws.data(), wsl);
    std::vector<double> ry(y.size(), 0.0), rgx(x.size(), 0.0), rgw(w.size(), 0.0);
    for (int n = 0; n < t.n; n++)
        for (int o = 0; o < t.o; o++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++)
                    for (int c = 0; c < cg; c++)
                        for (int a = 0; a < t.kh; a++)
                            for (int b = 0; b < t.kw; b++) {
                                const int ih = i * t.s - t.p + a * t.d, iw = j * t.s - t.p + b * t.d;
                                if (ih < 0 || ih >= t.h || iw < 0 || iw >= t.w) continue;
                                const int ci = (o / og) * cg + c;
                                const size_t xi = ((n * t.c + ci) * t.h + ih) * t.w + iw;
                                const size_t wi = ((o * cg + c) * t.kh + a) * t.kw + b;
                                const size_t yi = ((n * t.o + o) * oh + i) * ow + j;
                                ry[yi] += static_cast<double>(x[xi]) * w[wi];
                                rgx[xi] += static_cast<double>(gy[yi]) * w[wi];
                                rgw[wi] += static_cast<double>(gy[yi]) * x[xi];
                            }
    const std::string problem = "conv N=" + std::to_string(t.n) + " C=" + std::to_string(t.c) +
                                " H=" + std::to_string(t.h) + " W=" + std::to_string(t.w) +
                                " O=" + std::to_string(t.o) + " k=" + std::to_string(t.kh) + "x" +
                                std::to_string(t.kw) + " s=" + std::to_string(t.s) + " p=" + std::to_string(t.p) +
                                " d=" + std::to_string(t.d) + " g=" + std::to_string(t.g);
    g4test::close(problem + " forward", y.data(), ry.data(), y.size(), 1e-4, 1e-4);
    g4test::close(problem + " backward data", gx.data(), rgx.data(), gx.size(), 1e-4, 1e-4);
    g4test::close(problem + " backward weight", gw.data(), rgw.data(), gw.size(), 1e-4, 1e-4);
}

// A work space of one slice runs the batch in one part (GEMMs of other widths, so equal up to
// rounding); a smaller one is refused.
void workspace_slices() {
    g4_set_num_threads(3);
    const int32_t geo[G4_CONV_GEOMETRY_SIZE] = {6, 4, 20, 20, 8, 3, 3, 1, 1, 1, 1, 1, 1, 1, 20, 20};
    auto x = g4test::random(6 * 4 * 20 * 20, 41);
    auto w = g4test::random(8 * 4 * 9, 42);
    const int64_t full = g4_f32_conv2d_workspace_size(geo), slice = full / 3;
    std::vector<float> ws(full), y_full(6 * 8 * 400), y_slice(y_full.size());
    g4test::expect(g4_f32_conv2d_fwd(geo, x.data(), 0, w.data(), 0, y_full.data(), 0, ws.data(), full) == G4_OK,
                   "conv forward with every slice");
    g4test::expect(g4_f32_conv2d_fwd(geo, x.data(), 0, w.data(), 0, y_slice.data(), 0, ws.data(), slice) == G4_OK,
                   "conv forward with one slice");
    const std::vector<double> reference(y_full.begin(), y_full.end());
    g4test::close("conv forward: one slice against three", y_slice.data(), reference.data(), reference.size(), 1e-5,
                  1e-5);
    g4test::expect(g4_f32_conv2d_fwd(geo, x.data(), 0, w.data(), 0, y_slice.data(), 0, ws.data(), slice - 1) ==
                       G4_INVALID_ARGUMENT,
                   "conv forward refuses a work space smaller than a slice");
}

}  // namespace

int main() {
    const Case cases[] = {{1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1},
                          {2, 3, 7, 5, 4, 3, 3, 1, 1, 1, 1},
                          {1, 4, 9, 9, 6, 3, 2, 2, 1, 1, 2},
                          {3, 2, 13, 11, 5, 5, 5, 3, 2, 1, 1},
                          {1, 6, 10, 10, 6, 3, 3, 1, 2, 2, 3},
                          {2, 1, 28, 28, 8, 3, 3, 1, 1, 1, 1},
                          {1, 5, 4, 4, 7, 4, 4, 1, 0, 1, 1},
                          // more images than fit in the work space: several chunks, the last one short
                          {5, 8, 64, 64, 8, 3, 3, 1, 1, 1, 1},
                          {7, 4, 100, 100, 4, 3, 3, 1, 1, 1, 2},
                          // the example CNN's second layer on a few images: the batch split over the pool
                          {5, 32, 14, 14, 64, 3, 3, 1, 1, 1, 1},
                          // padding wider than the input: some kernel columns never touch it
                          {2, 2, 1, 1, 3, 3, 3, 1, 4, 3, 1},
                          {1, 1, 2, 5, 2, 1, 1, 2, 3, 1, 1},
                          // GEMMs across the packed GEMM's blocks: 100 output channels (8 panels of 12 and a short one,
                          // two blocks of 96 rows), 360 rows of columns (two blocks of k), widths not a multiple of 32
                          {3, 40, 9, 9, 100, 3, 3, 1, 1, 1, 1},
                          {2, 40, 12, 12, 100, 3, 3, 1, 1, 1, 1},
                          {2, 6, 16, 16, 34, 3, 3, 1, 2, 2, 1},
                          {2, 8, 12, 12, 40, 3, 3, 1, 1, 1, 2},
                          {2, 16, 12, 12, 32, 5, 5, 1, 2, 1, 1},
                          {1, 3, 9, 20, 33, 3, 5, 1, 0, 1, 1},
                          {2, 1, 16, 16, 32, 3, 3, 1, 1, 1, 1}};
    g4test::for_each_isa("conv", [&](const char* isa) {
        g4test::for_each_thread_count(g4_set_num_threads, [&] {
            g4test::context() += std::string(isa) + " ";
            for (const auto& c : cases) one(c);
        });
    });
    workspace_slices();
    return g4test::finish("conv");
}
