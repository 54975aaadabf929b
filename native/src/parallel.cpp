// The thread pool: threads − 1 workers plus the caller. A region hands out its parts through an
// atomic counter; idle workers spin briefly (back-to-back regions are the common case in a
// training step) and then sleep on a condition variable, so an idle pool costs no CPU.
// It runs one region at a time. OpenBLAS stays at one thread: a product that wants several is cut
// into single-threaded products on the pool (gemm.cpp).
#include "parallel.h"

#include <cblas.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(_M_X64)
#    include <immintrin.h>
#    define G4_PAUSE() _mm_pause()
#elif defined(__aarch64__)
#    define G4_PAUSE() __asm__ __volatile__("yield")
#else
#    define G4_PAUSE() std::this_thread::yield()
#endif

namespace g4 {
namespace {

// How long a waiting thread spins before it sleeps.
constexpr std::chrono::microseconds kSpin{50};

thread_local bool in_part = false;

// Spins until done() or kSpin has passed; returns done().
template <typename Done>
bool spin(Done done) {
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (int i = 1; !done(); i++) {
        G4_PAUSE();
        if (i % 64 == 0 && std::chrono::steady_clock::now() > until) return done();
    }
    return true;
}

class Pool {
  public:
    int threads() const { return threads_.load(std::memory_order_relaxed); }

    void resize(int threads) {
        std::lock_guard<std::mutex> in_use(use_);
        stop_workers();
        threads_.store(threads, std::memory_order_relaxed);
        // Workers start from the generation before their first region: reading it once running,
        // a worker could miss that region and leave its parts to the caller.
        const uint64_t now = generation_.load(std::memory_order_acquire);
        for (int i = 1; i < threads; i++) workers_.emplace_back([this, now] { work(now); });
    }

    void run(int64_t n, int parts, PartFn fn, const void* body) {
        if (hold()) {
            run_held(n, parts, fn, body);
            use_.unlock();
        } else {
            for (int p = 0; p < parts; p++) call(n, parts, p, fn, body);
        }
    }

  private:
    // Gives this thread the pool, waiting while another thread has it. False, without waiting, when
    // this is nested in a part or the pool has no workers.
    bool hold() {
        if (in_part || threads() == 1) return false;
        use_.lock();
        if (workers_.empty()) {
            use_.unlock();
            return false;
        }
        return true;
    }

    void run_held(int64_t n, int parts, PartFn fn, const void* body) {
        publish(n, parts, fn, body);
        wake_.notify_all();
        take_parts();
        const auto finished = [this] { return remaining_.load(std::memory_order_acquire) == 0; };
        if (!spin(finished)) {
            std::unique_lock<std::mutex> lock(m_);
            done_.wait(lock, finished);
        }
    }

    static void call(int64_t n, int parts, int p, PartFn fn, const void* body) {
        const bool nested = in_part;
        in_part = true;
        fn(body, p, n - n * (parts - p) / parts, n - n * (parts - p - 1) / parts);
        in_part = nested;
    }

    // A worker still leaving the previous region must not see this one's fields half written.
    void publish(int64_t n, int parts, PartFn fn, const void* body) {
        while (true) {
            {
                std::lock_guard<std::mutex> lock(m_);
                if (active_.load(std::memory_order_acquire) == 0) {
                    n_ = n;
                    parts_ = parts;
                    fn_ = fn;
                    body_ = body;
                    next_.store(0, std::memory_order_relaxed);
                    remaining_.store(parts, std::memory_order_relaxed);
                    generation_.fetch_add(1, std::memory_order_release);
                    return;
                }
            }
            G4_PAUSE();
        }
    }

    void take_parts() {
        for (int p; (p = next_.fetch_add(1, std::memory_order_relaxed)) < parts_;) {
            call(n_, parts_, p, fn_, body_);
            if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
                std::lock_guard<std::mutex> lock(m_);
                done_.notify_all();
            }
        }
    }

    void work(uint64_t seen) {
        const auto woken = [&] { return stop_.load() || generation_.load(std::memory_order_acquire) != seen; };
        while (true) {
            spin(woken);
            {
                std::unique_lock<std::mutex> lock(m_);
                wake_.wait(lock, woken);
                if (stop_) return;
                seen = generation_.load(std::memory_order_acquire);
                active_.fetch_add(1, std::memory_order_relaxed);
            }
            take_parts();
            active_.fetch_sub(1, std::memory_order_release);
        }
    }

    void stop_workers() {
        {
            std::lock_guard<std::mutex> lock(m_);
            stop_ = true;
        }
        wake_.notify_all();
        for (std::thread& t : workers_) t.join();
        workers_.clear();
        stop_ = false;
    }

    std::mutex use_;  // held by the thread whose region the pool runs
    std::mutex m_;
    std::condition_variable wake_, done_;
    std::vector<std::thread> workers_;
    std::atomic<int> threads_{1};
    std::atomic<uint64_t> generation_{0};
    std::atomic<bool> stop_{false};
    int64_t n_ = 0;
    int parts_ = 0;
    PartFn fn_ = nullptr;
    const void* body_ = nullptr;
    std::atomic<int> next_{0}, remaining_{0};
    std::atomic<int> active_{0};  // workers inside take_parts
};

// Never destroyed: at exit its workers sleep, and joining them could wait on a region still running.
Pool& pool() {
    static Pool* instance = new Pool();
    return *instance;
}

}  // namespace

int pool_threads() {
    return pool().threads();
}

void set_pool_threads(int threads) {
    if (in_part) return;  // the pool is running this thread's region
    openblas_set_num_threads(1);
    pool().resize(std::max(1, threads));
}

bool in_parallel_part() {
    return in_part;
}

int parallel_parts(int64_t n, int64_t grain) {
    const int64_t parts = n / std::max<int64_t>(1, grain);
    return static_cast<int>(std::clamp<int64_t>(parts, 1, pool_threads()));
}

void run_parts(int64_t n, int parts, PartFn fn, const void* body) {
    pool().run(n, parts, fn, body);
}

}  // namespace g4
