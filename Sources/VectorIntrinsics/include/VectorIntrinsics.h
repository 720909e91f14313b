#ifndef LENET5_VECTOR_INTRINSICS_H
#define LENET5_VECTOR_INTRINSICS_H

// Vector operations that Swift's SIMD types lack as single instructions. Swift sees these clang
// vector types as SIMD4<Float>, SIMD8<Float> and SIMD16<Float>. The functions are inlined into the
// Swift code that calls them and compiled for that module's target, so the same header gives SSE2,
// AVX2 or AVX-512 instructions on x86-64, and NEON on arm64.
//
// Why not Swift: `addingProduct` on a SIMD type is generic, a call to fmaf for each lane, which the
// optimiser then regroups unpredictably; and lane-by-lane initialisers leave shuffles to chance.

typedef float lenet5_float4 __attribute__((ext_vector_type(4)));
typedef float lenet5_float8 __attribute__((ext_vector_type(8)));
typedef float lenet5_float16 __attribute__((ext_vector_type(16)));

#define LENET5_INLINE static inline __attribute__((always_inline))

/// a * b + c, rounded once. Only for targets with FMA (a library call per lane otherwise): arm64
/// (one NEON FMLA), and x86-64 compiled for AVX2 or AVX-512.
LENET5_INLINE lenet5_float4 lenet5_fma4(lenet5_float4 a, lenet5_float4 b, lenet5_float4 c) {
    return __builtin_elementwise_fma(a, b, c);
}

LENET5_INLINE lenet5_float8 lenet5_fma8(lenet5_float8 a, lenet5_float8 b, lenet5_float8 c) {
    return __builtin_elementwise_fma(a, b, c);
}

LENET5_INLINE lenet5_float16 lenet5_fma16(lenet5_float16 a, lenet5_float16 b, lenet5_float16 c) {
    return __builtin_elementwise_fma(a, b, c);
}

/// [a0+a1, a2+a3, ..., b0+b1, b2+b3, ...]
LENET5_INLINE lenet5_float4 lenet5_pair_sums4(lenet5_float4 a, lenet5_float4 b) {
    return __builtin_shufflevector(a, b, 0, 2, 4, 6) + __builtin_shufflevector(a, b, 1, 3, 5, 7);
}

LENET5_INLINE lenet5_float8 lenet5_pair_sums8(lenet5_float8 a, lenet5_float8 b) {
    return __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14)
        + __builtin_shufflevector(a, b, 1, 3, 5, 7, 9, 11, 13, 15);
}

LENET5_INLINE lenet5_float16 lenet5_pair_sums16(lenet5_float16 a, lenet5_float16 b) {
    return __builtin_shufflevector(
               a, b, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30)
        + __builtin_shufflevector(a, b, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
}

/// Each lane of the low half twice: [v0, v0, v1, v1, ...]; and of the high half.
LENET5_INLINE lenet5_float4 lenet5_duplicate_low4(lenet5_float4 v) {
    return __builtin_shufflevector(v, v, 0, 0, 1, 1);
}
LENET5_INLINE lenet5_float4 lenet5_duplicate_high4(lenet5_float4 v) {
    return __builtin_shufflevector(v, v, 2, 2, 3, 3);
}
LENET5_INLINE lenet5_float8 lenet5_duplicate_low8(lenet5_float8 v) {
    return __builtin_shufflevector(v, v, 0, 0, 1, 1, 2, 2, 3, 3);
}
LENET5_INLINE lenet5_float8 lenet5_duplicate_high8(lenet5_float8 v) {
    return __builtin_shufflevector(v, v, 4, 4, 5, 5, 6, 6, 7, 7);
}
LENET5_INLINE lenet5_float16 lenet5_duplicate_low16(lenet5_float16 v) {
    return __builtin_shufflevector(v, v, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
}
LENET5_INLINE lenet5_float16 lenet5_duplicate_high16(lenet5_float16 v) {
    return __builtin_shufflevector(v, v, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15);
}

/// The sum of the lanes, halving the vector at each step.
LENET5_INLINE float lenet5_sum4(lenet5_float4 v) {
    lenet5_float4 h = v + __builtin_shufflevector(v, v, 2, 3, 0, 1);
    return h[0] + h[1];
}
LENET5_INLINE float lenet5_sum8(lenet5_float8 v) {
    return lenet5_sum4(__builtin_shufflevector(v, v, 0, 1, 2, 3)
        + __builtin_shufflevector(v, v, 4, 5, 6, 7));
}
LENET5_INLINE float lenet5_sum16(lenet5_float16 v) {
    return lenet5_sum8(__builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7)
        + __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15));
}

/// v limited to -limit...limit.
LENET5_INLINE lenet5_float4 lenet5_clamp4(lenet5_float4 v, float limit) {
    return __builtin_elementwise_max(__builtin_elementwise_min(v, (lenet5_float4)limit), (lenet5_float4)-limit);
}
LENET5_INLINE lenet5_float8 lenet5_clamp8(lenet5_float8 v, float limit) {
    return __builtin_elementwise_max(__builtin_elementwise_min(v, (lenet5_float8)limit), (lenet5_float8)-limit);
}
LENET5_INLINE lenet5_float16 lenet5_clamp16(lenet5_float16 v, float limit) {
    return __builtin_elementwise_max(__builtin_elementwise_min(v, (lenet5_float16)limit), (lenet5_float16)-limit);
}

#endif
