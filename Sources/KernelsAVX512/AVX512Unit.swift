// Compiled with `-target-cpu` for this instruction set (see Package.swift): the generic kernels,
// specialised here, become its instructions. Call nothing in this module unless the processor has
// the instruction set; `LeNet5` checks before it does.
import Kernels
import VectorIntrinsics

/// AVX-512: sixteen lanes, thirty-two registers.
public enum AVX512Unit: VectorUnit {
    public typealias Vector = SIMD16<Float>

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
        lenet5_fma16(a, b, c)
    }

    @inlinable @inline(__always)
    public static func pairSums(_ a: Vector, _ b: Vector) -> Vector { lenet5_pair_sums16(a, b) }

    @inlinable @inline(__always)
    public static func sum(_ v: Vector) -> Float { lenet5_sum16(v) }

    @inlinable @inline(__always)
    public static func duplicateLanes(_ v: Vector) -> (low: Vector, high: Vector) {
        (lenet5_duplicate_low16(v), lenet5_duplicate_high16(v))
    }

    @inlinable @inline(__always)
    public static func clamp(_ v: Vector, _ limit: Float) -> Vector { lenet5_clamp16(v, limit) }
}

/// `Kernels.forward` for this unit.
@inline(never)
public func forwardAVX512(
    parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>, classes: Int
) {
    forward(AVX512Unit.self, parameters: parameters, trace: trace, classes: classes)
}

/// `Kernels.backward` for this unit.
@inline(never)
public func backwardAVX512(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    backward(
        AVX512Unit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient, classes: classes)
}

/// `Kernels.probabilityInputGradient` for this unit.
@inline(never)
public func probabilityInputGradientAVX512(
    target: Int, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    classes: Int
) {
    probabilityInputGradient(
        AVX512Unit.self, target: target, parameters: parameters, transposed: transposed,
        trace: trace, scratch: scratch, gradient: gradient, inputGradient: inputGradient,
        classes: classes)
}
