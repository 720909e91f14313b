#include "CPUFeatures.h"

// __builtin_cpu_supports consults CPUID and, for AVX and AVX-512, whether the operating system
// saves the wide registers (XGETBV), which a bare CPUID check would miss.
int lenet5_cpu_has_avx2(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("f16c") && __builtin_cpu_supports("movbe")
        && __builtin_cpu_supports("lzcnt");
#else
    return 0;
#endif
}

int lenet5_cpu_has_avx512(void) {
#if defined(__x86_64__) || defined(__i386__)
    return lenet5_cpu_has_avx2()
        && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512vl");
#else
    return 0;
#endif
}
