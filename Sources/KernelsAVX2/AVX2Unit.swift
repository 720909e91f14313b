// Compiled with `-target-cpu` for this instruction set (see Package.swift): the generic kernels,
// specialised here, become its instructions. Call nothing in this module unless the processor has
// the instruction set; `LeNet5` checks before it does.
import Kernels

/// AVX2 with FMA: eight lanes, sixteen registers.
public enum AVX2Unit: VectorUnit {
    public typealias Vector = SIMD8<Float>

    @inlinable @inline(__always)
    public static func multiplyAdd(_ a: Vector, _ b: Vector, _ c: Vector) -> Vector {
        c.addingProduct(a, b)
    }

    @inlinable @inline(__always)
    public static func pairSums(_ a: Vector, _ b: Vector) -> Vector {
        Vector(lowHalf: a.evenHalf + a.oddHalf, highHalf: b.evenHalf + b.oddHalf)
    }

    @inlinable @inline(__always)
    public static func sum(_ v: Vector) -> Float {
        let half = v.lowHalf + v.highHalf
        let quarter = half.lowHalf + half.highHalf
        return quarter[0] + quarter[1]
    }
}

/// `Kernels.forward` for this unit.
@inline(never)
public func forwardAVX2(parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>) {
    forward(AVX2Unit.self, parameters: parameters, trace: trace)
}

/// `Kernels.backward` for this unit.
@inline(never)
public func backwardAVX2(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
) {
    backward(
        AVX2Unit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient)
}
