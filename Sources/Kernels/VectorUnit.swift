/// A vector unit of the processor, as the kernels see it: a SIMD width and the few operations whose
/// best instruction differs between instruction sets. Everything else is written once, generically,
/// and specialised per unit in the modules `KernelsAVX2` and `KernelsAVX512`, which are compiled for
/// those instruction sets.
public protocol VectorUnit {
    associatedtype Vector: SIMD where Vector.Scalar == Float

    /// `a * b + c`, fused where the hardware has FMA. Without FMA the fused form would be a call to
    /// `fmaf` per lane, so the portable unit multiplies and adds instead.
    static func multiplyAdd(_ a: Vector, _ b: Vector, _ c: Vector) -> Vector

    /// The sums of neighbouring lanes, first of `a` then of `b`: `[a0+a1, a2+a3, ..., b0+b1, ...]`.
    /// Pooling two columns into one is this operation.
    static func pairSums(_ a: Vector, _ b: Vector) -> Vector

    /// The sum of the lanes, as a tree of halves (the standard library's `sum()` adds them one after
    /// another, a long dependency chain).
    static func sum(_ v: Vector) -> Float
}

/// Four lanes, separate multiply and add: SSE2, which every x86-64 processor has.
public enum PortableUnit: VectorUnit {
    public typealias Vector = SIMD4<Float>

    @inlinable @inline(__always)
    public static func multiplyAdd(_ a: Vector, _ b: Vector, _ c: Vector) -> Vector { a * b + c }

    @inlinable @inline(__always)
    public static func pairSums(_ a: Vector, _ b: Vector) -> Vector {
        Vector(lowHalf: a.evenHalf + a.oddHalf, highHalf: b.evenHalf + b.oddHalf)
    }

    @inlinable @inline(__always)
    public static func sum(_ v: Vector) -> Float {
        let half = v.lowHalf + v.highHalf
        return half[0] + half[1]
    }
}

extension VectorUnit {
    @inlinable @inline(__always)
    static var width: Int { Vector.scalarCount }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable @inline(__always)
    static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
    }

    @inlinable @inline(__always)
    static func splat(_ value: Float) -> Vector { Vector(repeating: value) }

    /// `a * broadcast(b) + c`.
    @inlinable @inline(__always)
    static func multiplyAdd(_ a: Vector, _ b: Float, _ c: Vector) -> Vector {
        multiplyAdd(a, Vector(repeating: b), c)
    }

    /// tanh to within 4e-7 of the exact value: the rational approximation Eigen uses
    /// (`generic_fast_tanh_float`), odd degree-13 numerator over even degree-6 denominator, on
    /// inputs clamped to +-7.9053 where tanh is 1 to single precision. One division per vector,
    /// no table, no branch.
    @inlinable @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let limit: Float = 7.90531110763549805
        let clamped = pointwiseMax(pointwiseMin(x, splat(limit)), splat(-limit))
        let x2 = clamped * clamped
        var p = multiplyAdd(x2, splat(-2.76076847742355e-16), splat(2.00018790482477e-13))
        p = multiplyAdd(x2, p, splat(-8.60467152213735e-11))
        p = multiplyAdd(x2, p, splat(5.12229709037114e-08))
        p = multiplyAdd(x2, p, splat(1.48572235717979e-05))
        p = multiplyAdd(x2, p, splat(6.37261928875436e-04))
        p = multiplyAdd(x2, p, splat(4.89352455891786e-03))
        p = p * clamped
        var q = multiplyAdd(x2, splat(1.19825839466702e-06), splat(1.18534705686654e-04))
        q = multiplyAdd(x2, q, splat(2.26843463243900e-03))
        q = multiplyAdd(x2, q, splat(4.89352518554385e-03))
        return p / q
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
