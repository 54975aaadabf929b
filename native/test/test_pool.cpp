// Max and average pooling, forward and backward, against direct loops.
#include <cmath>
#include <vector>

#include "check.h"
#include "g4/kernels.h"

namespace {

struct Case {
    int32_t n, c, h, w, k, s, p, d;
};

void one(const Case& t) {
    const int32_t oh = (t.h + 2 * t.p - t.d * (t.k - 1) - 1) / t.s + 1;
    const int32_t ow = (t.w + 2 * t.p - t.d * (t.k - 1) - 1) / t.s + 1;
    const int32_t geo[G4_POOL_GEOMETRY_SIZE] = {t.n, t.c, t.h, t.w, t.k, t.k, t.s, t.s, t.p, t.p, t.d, t.d, oh, ow};
    const int planes = t.n * t.c;
    auto x = g4test::random(planes * t.h * t.w, 41);
    auto gy = g4test::random(planes * oh * ow, 42);
    std::vector<float> y(gy.size()), gx(x.size());
    std::vector<int32_t> arg(gy.size());
    std::vector<double> ry(y.size()), rgx(x.size(), 0.0), ravg(y.size()), ragx(x.size(), 0.0);
    for (int pl = 0; pl < planes; pl++)
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++) {
                double best = -INFINITY, sum = 0;
                int at = -1;
                for (int a = 0; a < t.k; a++)
                    for (int b = 0; b < t.k; b++) {
                        const int ih = i * t.s - t.p + a * t.d, iw = j * t.s - t.p + b * t.d;
                        if (ih < 0 || ih >= t.h || iw < 0 || iw >= t.w) continue;
                        const double v = x[(pl * t.h + ih) * t.w + iw];
                        sum += v;
                        if (at < 0 || v > best) {
                            best = v;
                            at = ih * t.w + iw;
                        }
                    }
                const int yi = (pl * oh + i) * ow + j;
                ry[yi] = best;
                ravg[yi] = sum / (t.k * t.k);
                rgx[pl * t.h * t.w + at] += gy[yi];
                for (int a = 0; a < t.k; a++)
                    for (int b = 0; b < t.k; b++) {
                        const int ih = i * t.s - t.p + a * t.d, iw = j * t.s - t.p + b * t.d;
                        if (ih >= 0 && ih < t.h && iw >= 0 && iw < t.w)
                            ragx[(pl * t.h + ih) * t.w + iw] += gy[yi] / (t.k * t.k);
                    }
            }
    const std::string problem = "pool " + std::to_string(t.h) + "x" + std::to_string(t.w) +
                                " k=" + std::to_string(t.k) + " s=" + std::to_string(t.s) +
                                " p=" + std::to_string(t.p) + " d=" + std::to_string(t.d);
    g4_f32_maxpool2d_fwd(geo, x.data(), 0, y.data(), arg.data());
    g4_f32_maxpool2d_bwd(geo, gy.data(), arg.data(), gx.data());
    g4test::close(problem + " max forward", y.data(), ry.data(), y.size());
    g4test::close(problem + " max backward", gx.data(), rgx.data(), gx.size());
    if (t.d == 1) {
        g4_f32_avgpool2d_fwd(geo, x.data(), 0, y.data());
        g4_f32_avgpool2d_bwd(geo, gy.data(), gx.data());
        g4test::close(problem + " avg forward", y.data(), ravg.data(), y.size());
        g4test::close(problem + " avg backward", gx.data(), ragx.data(), gx.size());
    }
}

// The first NaN in a window wins, on the 2 x 2 fast path and the general one alike.
void nan_windows() {
    for (int32_t pad : {0, 1}) {
        const int32_t out = pad ? 3 : 2;
        const int32_t geo[G4_POOL_GEOMETRY_SIZE] = {1, 1, 4, 4, 2, 2, 2, 2, pad, pad, 1, 1, out, out};
        std::vector<float> x(16);
        for (int i = 0; i < 16; i++) x[i] = static_cast<float>(i);
        x[5] = x[6] = x[2] = NAN;
        std::vector<float> y(out * out);
        std::vector<int32_t> at(y.size());
        g4_f32_maxpool2d_fwd(geo, x.data(), 0, y.data(), at.data());
        const std::string problem = "maxpool NaN, padding " + std::to_string(pad);
        if (pad == 0) {
            g4test::expect(std::isnan(y[0]) && at[0] == 5, problem + ": window 0 takes its NaN at 5");
            g4test::expect(std::isnan(y[1]) && at[1] == 2, problem + ": window 1 takes its first NaN, at 2");
            g4test::expect(y[3] == 15 && at[3] == 15, problem + ": window 3 has no NaN");
        } else {
            g4test::expect(std::isnan(y[1]) && at[1] == 2, problem + ": window (0, 1) takes its first NaN, at 2");
            g4test::expect(std::isnan(y[4]) && at[4] == 5, problem + ": window (1, 1) takes its first NaN, at 5");
        }
    }
}

// A kernel of 2^30 x 2^30 with padding 2^29 over a 5 x 5 plane: the windows are clamped to the
// plane (25 taps each), where looping over the padding would take about 10^18 steps.
void huge_window() {
    const int32_t k = 1 << 30, pad = 1 << 29, oh = (5 + 2 * pad - k) / 1 + 1;
    const int32_t geo[G4_POOL_GEOMETRY_SIZE] = {1, 1, 5, 5, k, k, 1, 1, pad, pad, 1, 1, oh, oh};
    std::vector<float> x(25);
    for (int i = 0; i < 25; i++) x[i] = static_cast<float>(i % 7);
    std::vector<float> y(oh * oh), gy(y.size(), 1.0f), gx(x.size());
    std::vector<int32_t> at(y.size());
    g4test::expect(g4_f32_maxpool2d_fwd(geo, x.data(), 0, y.data(), at.data()) == G4_OK, "huge window: max forward");
    bool all = true;
    for (size_t i = 0; i < y.size(); i++) all &= y[i] == 6.0f && at[i] == 6;
    g4test::expect(all, "huge window: every window holds the whole plane, its maximum 6 first at 6");
    g4test::expect(g4_f32_avgpool2d_fwd(geo, x.data(), 0, y.data()) == G4_OK, "huge window: avg forward");
    const double expected = 69.0 / (static_cast<double>(k) * k);
    g4test::close("huge window: avg forward", y.data(), std::vector<double>(y.size(), expected).data(), y.size());
    g4test::expect(g4_f32_avgpool2d_bwd(geo, gy.data(), gx.data()) == G4_OK, "huge window: avg backward");
    const double share = y.size() / (static_cast<double>(k) * k);
    g4test::close("huge window: avg backward", gx.data(), std::vector<double>(gx.size(), share).data(), gx.size());
}

// Ties go to the earlier position in the window, on the 2 x 2 fast path too: rows of 70 (35
// windows, more than one vector of them) holding only 0, 1 and 2.
void ties() {
    const int32_t h = 4, w = 70, oh = 2, ow = 35;
    const int32_t geo[G4_POOL_GEOMETRY_SIZE] = {1, 1, h, w, 2, 2, 2, 2, 0, 0, 1, 1, oh, ow};
    std::vector<float> x(h * w);
    for (int i = 0; i < h * w; i++) x[i] = static_cast<float>((i * 7 / 3) % 3);
    std::vector<float> y(oh * ow);
    std::vector<int32_t> at(y.size());
    g4_f32_maxpool2d_fwd(geo, x.data(), 0, y.data(), at.data());
    bool all = true;
    for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
            int best = -1;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    const int idx = (2 * i + a) * w + 2 * j + b;
                    if (best < 0 || x[idx] > x[best]) best = idx;
                }
            }
            all &= y[i * ow + j] == x[best] && at[i * ow + j] == best;
        }
    }
    g4test::expect(all, "2 x 2 ties: each window's first maximum");
}

}  // namespace

int main() {
    g4test::for_each_isa("pool", [&](const char* isa) {
        g4test::context() = std::string(isa) + " ";
        nan_windows();
        ties();
    });
    g4test::context().clear();
    huge_window();
    const Case cases[] = {{1, 1, 1, 1, 1, 1, 0, 1},
                          {2, 3, 8, 8, 2, 2, 0, 1},
                          {1, 2, 7, 9, 3, 2, 1, 1},
                          {2, 2, 13, 11, 3, 1, 1, 2},
                          {1, 1, 28, 28, 2, 2, 0, 1},
                          {1, 3, 5, 5, 5, 1, 2, 1},
                          // enough planes to split over the pool
                          {16, 24, 28, 28, 2, 2, 0, 1},
                          {7, 13, 30, 30, 3, 2, 1, 1},
                          {2, 3, 6, 70, 2, 2, 0, 1}};
    g4test::for_each_isa("pool", [&](const char* isa) {
        g4test::for_each_thread_count(g4_set_num_threads, [&] {
            g4test::context() += std::string(isa) + " ";
            for (const auto& c : cases) one(c);
        });
    });
    return g4test::finish("pool");
}
