// The kernels split over the pool give bit-for-bit what they give on one thread, also when several
// threads call them at once (they take the pool in turn).
#include <functional>
#include <thread>

#include "check.h"
#include "g4/kernels.h"

namespace {

using Kernel = std::function<std::vector<float>()>;

// The kernel's output on one thread against three.
void same_on_threads(const std::string& name, const Kernel& kernel) {
    g4_set_num_threads(1);
    const std::vector<float> one = kernel();
    g4_set_num_threads(3);
    g4test::expect(kernel() == one, name + ": three threads give the values of one");
}

constexpr int64_t kBig = 300007;  // several parts of kElementwiseGrain, the last one short

void elementwise() {
    const auto x = g4test::random(kBig, 1, 0.1f, 4.0f), b = g4test::random(kBig, 2, 0.1f, 4.0f);
    same_on_threads("unary exp", [&] {
        std::vector<float> y(kBig);
        g4_f32_unary(G4_UNARY_EXP, 0, 0, x.data(), 0, y.data(), 0, kBig);
        return y;
    });
    same_on_threads("fill", [&] {
        std::vector<float> y(kBig + 2, 1.0f);
        g4_f32_fill(y.data(), 1, kBig, 5.0f);
        return y;
    });
    const int32_t flat[] = {static_cast<int32_t>(kBig)}, unit[] = {1};
    same_on_threads("binary, one long row", [&] {
        std::vector<float> y(kBig);
        g4_f32_binary(G4_BINARY_DIV, 1, flat, x.data(), 0, unit, b.data(), 0, unit, y.data(), 0);
        return y;
    });
    const int32_t shape[] = {1009, 297}, row[] = {297, 1}, broadcast_row[] = {0, 1};
    same_on_threads("binary, rows with a broadcast row", [&] {
        std::vector<float> y(1009 * 297);
        g4_f32_binary(G4_BINARY_MUL, 2, shape, x.data(), 0, row, b.data(), 0, broadcast_row, y.data(), 0);
        return y;
    });
    same_on_threads("bias + relu", [&] {
        std::vector<float> y(1009 * 297);
        g4_f32_bias_activation(G4_UNARY_LEAKY_RELU, 0, x.data(), 0, b.data(), 0, 1009, 297, y.data(), 0);
        return y;
    });
}

void optimizers() {
    const auto g = g4test::random(kBig, 3);
    same_on_threads("adam", [&] {
        auto p = g4test::random(kBig, 4), m = g4test::random(kBig, 5), v = g4test::random(kBig, 6, 0.0f, 1.0f);
        g4_f32_adam_step(p.data(), 0, g.data(), 0, m.data(), v.data(), kBig, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, 3, 1);
        p.insert(p.end(), m.begin(), m.end());
        p.insert(p.end(), v.begin(), v.end());
        return p;
    });
    same_on_threads("sgd with momentum", [&] {
        auto p = g4test::random(kBig, 7), buf = g4test::random(kBig, 8);
        g4_f32_sgd_step(p.data(), 0, g.data(), 0, buf.data(), kBig, 0.1f, 0.9f, 0.0f, 0.0f, 1, 0);
        p.insert(p.end(), buf.begin(), buf.end());
        return p;
    });
    same_on_threads("sgd without momentum", [&] {
        auto p = g4test::random(kBig, 9);
        g4_f32_sgd_step(p.data(), 0, g.data(), 0, nullptr, kBig, 0.1f, 0.0f, 0.0f, 0.0f, 0, 1);
        return p;
    });
}

void reductions() {
    const auto x = g4test::random(64 * 32 * 784, 13);
    struct Case {
        const char* name;
        int op;
        int64_t outer, size, inner;
    };
    const Case cases[] = {{"sum over the batch (one outer block)", G4_REDUCE_SUM, 1, 64, 32 * 784},
                          {"sum over planes (many outer rows)", G4_REDUCE_SUM, 64 * 32, 784, 1},
                          {"max with an inner axis", G4_REDUCE_MAX, 2, 1024, 784},
                          {"argmax with an inner axis", G4_REDUCE_ARGMAX, 1, 256, 6272}};
    for (const auto& c : cases) {
        same_on_threads(std::string("reduce: ") + c.name, [&] {
            std::vector<float> out(c.outer * c.inner);
            g4_f32_reduce(c.op, x.data(), 0, c.outer, c.size, c.inner, out.data(), 0);
            return out;
        });
    }
    for (int log = 0; log < 2; log++) {
        same_on_threads(log ? "log-softmax forward and backward" : "softmax forward and backward", [&] {
            const int64_t outer = 300, size = 1000;
            std::vector<float> y(outer * size), gx(outer * size);
            g4_f32_softmax(log, x.data(), 0, outer, size, 1, y.data(), 0);
            g4_f32_softmax_bwd(log, y.data(), 0, x.data(), 7, outer, size, 1, gx.data(), 0);
            y.insert(y.end(), gx.begin(), gx.end());
            return y;
        });
    }
}

void pooling() {
    const int32_t geo[G4_POOL_GEOMETRY_SIZE] = {64, 32, 28, 28, 2, 2, 2, 2, 0, 0, 1, 1, 14, 14};
    const auto x = g4test::random(64 * 32 * 28 * 28, 10), gy = g4test::random(64 * 32 * 14 * 14, 11);
    same_on_threads("max pool forward and backward", [&] {
        std::vector<float> y(gy.size()), gx(x.size());
        std::vector<int32_t> arg(gy.size());
        g4_f32_maxpool2d_fwd(geo, x.data(), 0, y.data(), arg.data());
        g4_f32_maxpool2d_bwd(geo, gy.data(), arg.data(), gx.data());
        y.insert(y.end(), gx.begin(), gx.end());
        return y;
    });
    same_on_threads("average pool forward and backward", [&] {
        std::vector<float> y(gy.size()), gx(x.size());
        g4_f32_avgpool2d_fwd(geo, x.data(), 0, y.data());
        g4_f32_avgpool2d_bwd(geo, gy.data(), gx.data());
        y.insert(y.end(), gx.begin(), gx.end());
        return y;
    });
}

void concurrent_callers() {
    const auto x = g4test::random(kBig, 12);
    std::vector<float> expected(kBig);
    g4_set_num_threads(1);
    g4_f32_unary(G4_UNARY_TANH, 0, 0, x.data(), 0, expected.data(), 0, kBig);
    g4_set_num_threads(3);
    std::vector<std::vector<float>> got(4, std::vector<float>(kBig));
    std::vector<std::thread> callers;
    for (auto& y : got) {
        callers.emplace_back([&x, &y] {
            for (int i = 0; i < 50; i++) g4_f32_unary(G4_UNARY_TANH, 0, 0, x.data(), 0, y.data(), 0, kBig);
        });
    }
    for (auto& t : callers) t.join();
    for (const auto& y : got) g4test::expect(y == expected, "four concurrent callers get the values of one thread");
}

}  // namespace

int main() {
    elementwise();
    optimizers();
    reductions();
    pooling();
    concurrent_callers();
    g4_set_num_threads(1);
    return g4test::finish("parallel");
}
