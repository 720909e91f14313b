#ifndef LENET5_CPU_FEATURES_H
#define LENET5_CPU_FEATURES_H

/// 1 when the processor and the operating system support everything the AVX2 kernels were compiled
/// for (`-target-cpu haswell`: AVX2, FMA, BMI1/2, F16C, MOVBE, LZCNT), else 0.
int lenet5_cpu_has_avx2(void);

/// 1 when the processor and the operating system support everything the AVX-512 kernels were
/// compiled for (`-target-cpu skylake-avx512`: the AVX2 set plus AVX-512 F, CD, BW, DQ and VL).
int lenet5_cpu_has_avx512(void);

#endif
