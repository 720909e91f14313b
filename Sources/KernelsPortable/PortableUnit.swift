// The baseline copy of the kernels, compiled for the architecture's baseline (SSE2 on x86-64, NEON
// on arm64). A module of its own, like the wide copies, so that the generic kernels are
// specialised here even in debug builds: SwiftPM compiles those file by file, and a file sees
// the bodies of the generic functions in another module (`@inlinable`) but not in another file of
// its own module, which left this copy unspecialised and 170 times slower.
import Kernels
import VectorIntrinsics

/// Four lanes, the baseline of each architecture: on x86-64 SSE2, which every such processor has,
/// with separate multiply and add; on arm64 NEON, whose multiply-add is always fused.
public enum PortableUnit: VectorUnit {
    public typealias Vector = SIMD4<Float>

    @inlinable @inline(__always)
    public static func add(_ a: Vector, _ b: Vector) -> Vector { a + b }

    @inlinable @inline(__always)
    public static func subtract(_ a: Vector, _ b: Vector) -> Vector { a - b }

    @inlinable @inline(__always)
    public static func multiply(_ a: Vector, _ b: Vector) -> Vector { a * b }

    @inlinable @inline(__always)
    public static func divide(_ a: Vector, _ b: Vector) -> Vector { a / b }

    @inlinable @inline(__always)
    public static func splat(_ value: Float) -> Vector { Vector(repeating: value) }

    @inlinable @inline(__always)
    public static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable @inline(__always)
    public static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
    }

    @inlinable @inline(__always)
    public static func multiplyAdd(_ a: Vector, _ b: Vector, _ c: Vector) -> Vector {
        #if arch(arm64)
            lenet5_fma4(a, b, c)
        #else
            a * b + c
        #endif
    }

    @inlinable @inline(__always)
    public static func pairSums(_ a: Vector, _ b: Vector) -> Vector { lenet5_pair_sums4(a, b) }

    @inlinable @inline(__always)
    public static func sum(_ v: Vector) -> Float { lenet5_sum4(v) }

    @inlinable @inline(__always)
    public static func duplicateLanes(_ v: Vector) -> (low: Vector, high: Vector) {
        (lenet5_duplicate_low4(v), lenet5_duplicate_high4(v))
    }

    @inlinable @inline(__always)
    public static func clamp(_ v: Vector, _ limit: Float) -> Vector { lenet5_clamp4(v, limit) }
}

/// `Kernels.forward` for this unit.
@inline(never)
public func forwardPortable(
    parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>, classes: Int
) {
    forward(PortableUnit.self, parameters: parameters, trace: trace, classes: classes)
}

/// `Kernels.backward` for this unit.
@inline(never)
public func backwardPortable(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    backward(
        PortableUnit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient, classes: classes)
}

/// `Kernels.probabilityInputGradient` for this unit.
@inline(never)
public func probabilityInputGradientPortable(
    target: Int, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    classes: Int
) {
    probabilityInputGradient(
        PortableUnit.self, target: target, parameters: parameters, transposed: transposed,
        trace: trace, scratch: scratch, gradient: gradient, inputGradient: inputGradient,
        classes: classes)
}
