// Proves that a sanitizer build really checks: each mode does what the sanitizers must stop, and
// CTest expects the program to fail. An unchecked build would exit 0 and fail those tests.
#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    volatile int one = 1;
    if (argc > 1 && std::strcmp(argv[1], "heap-overflow") == 0) {
        std::vector<float> v(16);
        float* p = v.data();
        p[16 * one] = 1.0f;
        std::printf("wrote past a 16-float vector: %f\n", p[16 * one]);
    } else if (argc > 1 && std::strcmp(argv[1], "signed-overflow") == 0) {
        volatile int big = INT_MAX;
        std::printf("INT_MAX + 1 = %d\n", big + one);
    } else {
        std::fprintf(stderr, "usage: sanitizer_canary heap-overflow|signed-overflow\n");
        return 2;
    }
    return 0;
}
