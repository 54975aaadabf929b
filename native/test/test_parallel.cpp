// The kernels split over the pool give bit-for-bit what they give on one thread, also when several
// threads call them at once (they take the pool in turn).
#include <atomic>
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

// What the parts of g4_run_parts saw: which thread ran each, and a product and an element-wise op
// computed inside each.
struct PartsRun {
    std::vector<std::atomic<int>> runs;
    std::vector<std::thread::id> threads;
    std::vector<std::vector<float>> results;
    explicit PartsRun(int parts) : runs(parts), threads(parts), results(parts) {}
};

constexpr int64_t kM = 96, kN = 200, kK = 300;

std::vector<float> product_and_tanh(const std::vector<float>& a, const std::vector<float>& b) {
    std::vector<float> c(kM * kN), ws(g4_f32_gemm_workspace_size(kM, kN, kK));
    g4_f32_gemm(0, 0, kM, kN, kK, 1.0f, a.data(), 0, kK, b.data(), 0, kN, 0.0f, c.data(), 0, kN, ws.data(),
                static_cast<int64_t>(ws.size()));
    std::vector<float> y(kBig);
    const auto x = g4test::random(kBig, 13);
    g4_f32_unary(G4_UNARY_TANH, 0, 0, x.data(), 0, y.data(), 0, kBig);
    c.insert(c.end(), y.begin(), y.end());
    return c;
}

const std::vector<float> kA = g4test::random(kM * kK, 14), kB = g4test::random(kK * kN, 15);

void record_part(int64_t region, int part) {
    auto& run = *reinterpret_cast<PartsRun*>(region);
    run.runs[part]++;
    run.threads[part] = std::this_thread::get_id();
    run.results[part] = product_and_tanh(kA, kB);
}

void nested_parts(int64_t region, int part) {
    auto& run = *reinterpret_cast<PartsRun*>(region);
    run.runs[part]++;
    run.threads[part] = std::this_thread::get_id();
    PartsRun inner(3);
    g4_run_parts(3, record_part, reinterpret_cast<int64_t>(&inner));
    bool serial = true;
    for (int p = 0; p < 3; p++) serial = serial && inner.runs[p] == 1 && inner.threads[p] == std::this_thread::get_id();
    run.results[part] = {serial ? 1.0f : 0.0f};
}

void caller_parts() {
    g4_set_num_threads(1);
    const std::vector<float> alone = product_and_tanh(kA, kB);
    for (int threads : {1, 2, 3}) {
        g4_set_num_threads(threads);
        for (int parts : {1, 2, 5}) {
            PartsRun run(parts);
            const std::string what =
                "run_parts, " + std::to_string(parts) + " parts on " + std::to_string(threads) + " threads: ";
            g4test::expect(g4_run_parts(parts, record_part, reinterpret_cast<int64_t>(&run)) == G4_OK, what + "ok");
            if (threads == 1) {
                for (int p = 0; p < parts; p++) {
                    g4test::expect(run.threads[p] == std::this_thread::get_id(), what + "every part on the caller");
                }
            }
            for (int p = 0; p < parts; p++) {
                g4test::expect(run.runs[p] == 1, what + "each part runs once");
                g4test::expect(run.results[p] == alone, what + "kernels in a part give the values of one thread");
            }
        }
        PartsRun outer(2);
        g4_run_parts(2, nested_parts, reinterpret_cast<int64_t>(&outer));
        g4test::expect(outer.results[0] == std::vector<float>{1.0f} && outer.results[1] == std::vector<float>{1.0f},
                       "run_parts inside a part runs its parts on that part's thread, one after another");
    }
    g4test::expect(g4_run_parts(0, record_part, 0) == G4_INVALID_ARGUMENT, "run_parts with no parts");
    g4test::expect(g4_run_parts(2, nullptr, 0) == G4_INVALID_ARGUMENT, "run_parts without a function");
}

}  // namespace

int main() {
    elementwise();
    optimizers();
    reductions();
    pooling();
    concurrent_callers();
    caller_parts();
    g4_set_num_threads(1);
    return g4test::finish("parallel");
}
