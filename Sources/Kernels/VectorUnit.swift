import VectorIntrinsics

/// A vector unit of the processor, as the kernels see it: a SIMD width and the few operations whose
/// best instruction differs between instruction sets. Everything else is written once, generically,
/// and specialised per unit in the modules `KernelsPortable` and, on x86-64, `KernelsAVX2` and
/// `KernelsAVX512`, which are compiled for those instruction sets.
public protocol VectorUnit {
    associatedtype Vector: SIMD where Vector.Scalar == Float

    // Every operation on vectors goes through the unit, where it is implemented on the concrete
    // SIMD type. The standard library's generic SIMD operators work lane by lane and leave LLVM's
    // SLP vectoriser to put the lanes back together, which it does unpredictably (transposing
    // accumulators, shuffling through the constant pool); the concrete ones are single vector
    // instructions.
    static func add(_ a: Vector, _ b: Vector) -> Vector
    static func subtract(_ a: Vector, _ b: Vector) -> Vector
    static func multiply(_ a: Vector, _ b: Vector) -> Vector
    static func divide(_ a: Vector, _ b: Vector) -> Vector
    static func splat(_ value: Float) -> Vector
    static func load(_ pointer: UnsafePointer<Float>) -> Vector
    static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>)

    /// `a * b + c`, fused where the hardware has FMA. Without FMA the fused form would be a call to
    /// `fmaf` per lane, so the portable unit multiplies and adds instead.
    static func multiplyAdd(_ a: Vector, _ b: Vector, _ c: Vector) -> Vector

    /// The sums of neighbouring lanes, first of `a` then of `b`: `[a0+a1, a2+a3, ..., b0+b1, ...]`.
    /// Pooling two columns into one is this operation.
    static func pairSums(_ a: Vector, _ b: Vector) -> Vector

    /// The sum of the lanes, as a tree of halves (the standard library's `sum()` adds them one after
    /// another, a long dependency chain).
    static func sum(_ v: Vector) -> Float

    /// Each lane of the low half twice, then each lane of the high half twice:
    /// `([v0, v0, v1, v1, ...], [..., vn-1, vn-1])`. Undoing a 2x pooling along a row is this.
    static func duplicateLanes(_ v: Vector) -> (low: Vector, high: Vector)

    /// `v` limited to `-limit...limit`. (The standard library's generic `pointwiseMin` is not
    /// inlined into specialised code; each unit's concrete version is.)
    static func clamp(_ v: Vector, _ limit: Float) -> Vector
}

extension VectorUnit {
    @inlinable @inline(__always)
    static var width: Int { Vector.scalarCount }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
        load(UnsafePointer(pointer))
    }

    /// `1 - y * y`: the derivative of tanh, written in terms of its output y.
    @inlinable @inline(__always)
    static func tanhDerivative(_ y: Vector) -> Vector {
        subtract(splat(1), multiply(y, y))
    }

    /// `a * broadcast(b) + c`.
    @inlinable @inline(__always)
    static func multiplyAdd(_ a: Vector, _ b: Float, _ c: Vector) -> Vector {
        multiplyAdd(a, splat(b), c)
    }

    /// tanh to within 4e-7 of the exact value: the rational approximation Eigen uses
    /// (`generic_fast_tanh_float`), odd degree-13 numerator over even degree-6 denominator, on
    /// inputs clamped to +-7.9053 where tanh is 1 to single precision. One division per vector,
    /// no table, no branch.
    @inlinable @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let limit: Float = 7.90531110763549805
        let clamped = clamp(x, limit)
        let x2 = multiply(clamped, clamped)
        var p = multiplyAdd(x2, splat(-2.76076847742355e-16), splat(2.00018790482477e-13))
        p = multiplyAdd(x2, p, splat(-8.60467152213735e-11))
        p = multiplyAdd(x2, p, splat(5.12229709037114e-08))
        p = multiplyAdd(x2, p, splat(1.48572235717979e-05))
        p = multiplyAdd(x2, p, splat(6.37261928875436e-04))
        p = multiplyAdd(x2, p, splat(4.89352455891786e-03))
        p = multiply(p, clamped)
        var q = multiplyAdd(x2, splat(1.19825839466702e-06), splat(1.18534705686654e-04))
        q = multiplyAdd(x2, q, splat(2.26843463243900e-03))
        q = multiplyAdd(x2, q, splat(4.89352518554385e-03))
        return divide(p, q)
    }

    /// Applies tanh to `count` values (a multiple of the width), keeping the input.
    @inlinable @inline(__always)
    static func tanh(
        _ source: UnsafeMutablePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        while i < count {
            store(tanh(load(source + i)), target + i)
            i &+= width
        }
    }
}
