// Compiled with `-target-cpu` for this instruction set (see Package.swift): the generic kernels,
// specialised here, become its instructions. Call nothing in this module unless the processor has
// the instruction set; `LeNet5` checks before it does.
import Kernels
import VectorIntrinsics

/// AVX2 with FMA: eight lanes, sixteen registers.
public enum AVX2Unit: VectorUnit {
    public typealias Vector = SIMD8<Float>

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
        lenet5_fma8(a, b, c)
    }

    @inlinable @inline(__always)
    public static func pairSums(_ a: Vector, _ b: Vector) -> Vector { lenet5_pair_sums8(a, b) }

    @inlinable @inline(__always)
    public static func sum(_ v: Vector) -> Float { lenet5_sum8(v) }

    @inlinable @inline(__always)
    public static func duplicateLanes(_ v: Vector) -> (low: Vector, high: Vector) {
        (lenet5_duplicate_low8(v), lenet5_duplicate_high8(v))
    }

    @inlinable @inline(__always)
    public static func clamp(_ v: Vector, _ limit: Float) -> Vector { lenet5_clamp8(v, limit) }
}

/// `Kernels.forward` for this unit.
@inline(never)
public func forwardAVX2(
    parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>, classes: Int
) {
    forward(AVX2Unit.self, parameters: parameters, trace: trace, classes: classes)
}

/// `Kernels.backward` for this unit.
@inline(never)
public func backwardAVX2(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    backward(
        AVX2Unit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient, classes: classes)
}

/// `Kernels.probabilityInputGradient` for this unit.
@inline(never)
public func probabilityInputGradientAVX2(
    target: Int, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    classes: Int
) {
    probabilityInputGradient(
        AVX2Unit.self, target: target, parameters: parameters, transposed: transposed,
        trace: trace, scratch: scratch, gradient: gradient, inputGradient: inputGradient,
        classes: classes)
}
