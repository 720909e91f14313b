import Platform

/// The forward pass of one image, every layer kept: reads `trace[TraceLayout.input...]` (32x32, row
/// by row) and the packed parameters of a network with `classes` classes, writes every other block
/// of the trace (of the logits and probabilities, the first `classes`).
/// The stages read top to bottom like the network; each is a function below.
@inlinable @inline(__always)
public func forward<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    classes: Int
) {
    convolveC1(unit, parameters: parameters, trace: trace)
    poolS2(unit, trace: trace)
    convolveC3(unit, parameters: parameters, trace: trace)
    poolS4(unit, trace: trace)
    convolveC5(unit, parameters: parameters, trace: trace)
    denseF6(unit, parameters: parameters, trace: trace)
    denseOutput(unit, parameters: parameters, trace: trace, classes: classes)
    softmax(trace + TraceLayout.logits, into: trace + TraceLayout.probabilities, classes: classes)
}

/// C1: 6 maps of 28x28 from the 32x32 input. Vectorised along the row: each vector holds `width`
/// neighbouring output columns of all six maps (one accumulator per map), so one input load feeds
/// six multiply-adds. A row of 28 is covered by vectors starting at 0, w, 2w, ... with the last one
/// moved back to end at column 28; the overlap is computed twice and stored twice, identically.
@inlinable @inline(never)
func convolveC1<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>
) {
    let c1 = NetworkGeometry.c1
    let (side, area, taps, k) = (c1.side, c1.area, c1.taps, c1.kernelSide)
    let weight = parameters + ParameterLayout.c1Weight
    let bias = parameters + ParameterLayout.c1Bias
    let input = trace + TraceLayout.input
    let pre = trace + TraceLayout.c1PreActivation
    let out = trace + TraceLayout.c1
    for y in 0..<side {
        var x = 0
        while x < side {
            let column = min(x, side - U.width)
            var a0 = U.splat(bias[0]), a1 = U.splat(bias[1]), a2 = U.splat(bias[2])
            var a3 = U.splat(bias[3]), a4 = U.splat(bias[4]), a5 = U.splat(bias[5])
            for ky in 0..<k {
                let row = input + (y + ky) * c1.inputSide + column
                let w = weight + ky * k
                for kx in 0..<k {
                    let v = U.load(row + kx)
                    a0 = U.multiplyAdd(v, w[kx], a0)
                    a1 = U.multiplyAdd(v, w[taps + kx], a1)
                    a2 = U.multiplyAdd(v, w[2 * taps + kx], a2)
                    a3 = U.multiplyAdd(v, w[3 * taps + kx], a3)
                    a4 = U.multiplyAdd(v, w[4 * taps + kx], a4)
                    a5 = U.multiplyAdd(v, w[5 * taps + kx], a5)
                }
            }
            let at = y * side + column
            U.store(a0, pre + at)
            U.store(a1, pre + area + at)
            U.store(a2, pre + 2 * area + at)
            U.store(a3, pre + 3 * area + at)
            U.store(a4, pre + 4 * area + at)
            U.store(a5, pre + 5 * area + at)
            U.store(U.tanh(a0), out + at)
            U.store(U.tanh(a1), out + area + at)
            U.store(U.tanh(a2), out + 2 * area + at)
            U.store(U.tanh(a3), out + 3 * area + at)
            U.store(U.tanh(a4), out + 4 * area + at)
            U.store(U.tanh(a5), out + 5 * area + at)
            x += U.width
        }
    }
}

/// S2: 2x2 average with stride 2 over each C1 map. Two rows are added, then neighbouring columns.
/// Each output row is written as whole vectors of 16 values (14 used); the extra two land at the
/// start of the next row, which is written afterwards, or in the padding after the last row.
@inlinable @inline(never)
func poolS2<U: VectorUnit>(_ unit: U.Type, trace: UnsafeMutablePointer<Float>) {
    let s2 = NetworkGeometry.s2
    let input = trace + TraceLayout.c1
    let out = trace + TraceLayout.s2
    let quarter = U.splat(0.25)
    for map in 0..<s2.maps {
        for y in 0..<s2.side {
            let top = input + map * s2.inputArea + 2 * y * s2.inputSide
            let bottom = top + s2.inputSide
            let target = out + map * s2.area + y * s2.side
            // Columns 0..<32 of the two rows; 28..<32 belong to the next row and are discarded.
            var x = 0
            while x < aligned(s2.inputSide) {
                let first = U.add(U.load(top + x), U.load(bottom + x))
                let second = U.add(U.load(top + x + U.width), U.load(bottom + x + U.width))
                U.store(U.multiply(U.pairSums(first, second), quarter), target + x / 2)
                x += 2 * U.width
            }
        }
    }
}

/// C3: 16 maps of 10x10 from all six S2 maps. Vectorised across maps: a vector holds `width` of the
/// 16 maps at one position, and one output row (10 positions, one accumulator each) is accumulated
/// at once, so each weight vector loaded feeds ten multiply-adds with a broadcast S2 value.
@inlinable @inline(never)
func convolveC3<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>
) {
    let c3 = NetworkGeometry.c3
    let (k, maps) = (c3.kernelSide, ParameterLayout.c3Stride)
    let weight = parameters + ParameterLayout.c3Weight
    let bias = parameters + ParameterLayout.c3Bias
    let input = trace + TraceLayout.s2
    let pre = trace + TraceLayout.c3PreActivation
    let out = trace + TraceLayout.c3
    var group = 0
    while group < maps {
        let b = U.load(bias + group)
        for y in 0..<c3.side {
            var a0 = b, a1 = b, a2 = b, a3 = b, a4 = b, a5 = b, a6 = b, a7 = b, a8 = b, a9 = b
            for map in 0..<c3.inputMaps {
                for ky in 0..<k {
                    let row = input + map * c3.inputArea + (y + ky) * c3.inputSide
                    let w = weight + ((map * k + ky) * k) * maps + group
                    for kx in 0..<k {
                        let v = U.load(w + kx * maps)
                        let r = row + kx
                        a0 = U.multiplyAdd(v, r[0], a0)
                        a1 = U.multiplyAdd(v, r[1], a1)
                        a2 = U.multiplyAdd(v, r[2], a2)
                        a3 = U.multiplyAdd(v, r[3], a3)
                        a4 = U.multiplyAdd(v, r[4], a4)
                        a5 = U.multiplyAdd(v, r[5], a5)
                        a6 = U.multiplyAdd(v, r[6], a6)
                        a7 = U.multiplyAdd(v, r[7], a7)
                        a8 = U.multiplyAdd(v, r[8], a8)
                        a9 = U.multiplyAdd(v, r[9], a9)
                    }
                }
            }
            let at = y * c3.side * maps + group
            U.store(a0, pre + at)
            U.store(a1, pre + at + maps)
            U.store(a2, pre + at + 2 * maps)
            U.store(a3, pre + at + 3 * maps)
            U.store(a4, pre + at + 4 * maps)
            U.store(a5, pre + at + 5 * maps)
            U.store(a6, pre + at + 6 * maps)
            U.store(a7, pre + at + 7 * maps)
            U.store(a8, pre + at + 8 * maps)
            U.store(a9, pre + at + 9 * maps)
        }
        group += U.width
    }
    U.tanh(pre, into: out, count: c3.count)
}

/// S4: 2x2 average with stride 2, channels last, so each vector is `width` maps at one position.
@inlinable @inline(never)
func poolS4<U: VectorUnit>(_ unit: U.Type, trace: UnsafeMutablePointer<Float>) {
    let s4 = NetworkGeometry.s4
    let maps = s4.maps
    let below = s4.inputSide * maps
    let input = trace + TraceLayout.c3
    let out = trace + TraceLayout.s4
    let quarter = U.splat(0.25)
    for y in 0..<s4.side {
        for x in 0..<s4.side {
            let topLeft = input + ((2 * y) * s4.inputSide + 2 * x) * maps
            var group = 0
            while group < maps {
                let p = topLeft + group
                let sum = U.add(
                    U.add(U.load(p), U.load(p + maps)),
                    U.add(U.load(p + below), U.load(p + below + maps)))
                U.store(U.multiply(sum, quarter), out + (y * s4.side + x) * maps + group)
                group += U.width
            }
        }
    }
}

/// C5: 120 units, each a 5x5 convolution over all 16 S4 maps, which covers them whole, so it is a
/// dense layer over S4's 400 values, vectorised across units.
@inlinable @inline(never)
func convolveC5<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>
) {
    let pre = trace + TraceLayout.c5PreActivation
    combineRows(
        unit, rows: parameters + ParameterLayout.c5Weight, stride: ParameterLayout.c5Stride,
        length: ParameterLayout.c5Stride, coefficients: trace + TraceLayout.s4,
        count: NetworkGeometry.c5.taps,
        initial: parameters + ParameterLayout.c5Bias, into: pre)
    U.tanh(pre, into: trace + TraceLayout.c5, count: ParameterLayout.c5Stride)
}

/// F6: 84 units over C5's 120.
@inlinable @inline(never)
func denseF6<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>
) {
    let pre = trace + TraceLayout.f6PreActivation
    combineRows(
        unit, rows: parameters + ParameterLayout.f6Weight, stride: ParameterLayout.f6Stride,
        length: ParameterLayout.f6Stride, coefficients: trace + TraceLayout.c5,
        count: NetworkGeometry.f6.taps,
        initial: parameters + ParameterLayout.f6Bias, into: pre)
    U.tanh(pre, into: trace + TraceLayout.f6, count: ParameterLayout.f6Stride)
}

/// `target = initial + sum over i of coefficients[i] * rows[i]`, for `count` rows of `length`
/// floats `stride` apart; `length` is a multiple of the width. A dense layer is this with the
/// inputs as coefficients, and so are the input gradients of the backward pass.
/// Blocks of up to eight vectors are accumulated per pass over the coefficients; each block size
/// is its own inlined loop, so that its accumulators stay in registers.
@inlinable @inline(__always)
public func combineRows<U: VectorUnit>(
    _ unit: U.Type, rows: UnsafePointer<Float>, stride: Int, length: Int,
    coefficients: UnsafePointer<Float>, count: Int, initial: UnsafePointer<Float>?,
    into target: UnsafeMutablePointer<Float>
) {
    var first = 0
    while first < length {
        let remaining = (length - first) / U.width
        let vectors =
            remaining >= 8 ? 8 : remaining >= 6 ? 6 : remaining >= 4 ? 4 : remaining >= 2 ? 2 : 1
        let block = (rows + first, initial.map { $0 + first }, target + first)
        switch vectors {
        case 8: combineBlock(unit, 8, block, stride, coefficients, count)
        case 6: combineBlock(unit, 6, block, stride, coefficients, count)
        case 4: combineBlock(unit, 4, block, stride, coefficients, count)
        case 2: combineBlock(unit, 2, block, stride, coefficients, count)
        default: combineBlock(unit, 1, block, stride, coefficients, count)
        }
        first += vectors * U.width
    }
}

/// `vectors` (a constant once inlined) accumulators of `combineRows`.
@inlinable @inline(__always)
func combineBlock<U: VectorUnit>(
    _ unit: U.Type, _ vectors: Int,
    _ block: (
        rows: UnsafePointer<Float>, initial: UnsafePointer<Float>?,
        target: UnsafeMutablePointer<Float>
    ),
    _ stride: Int, _ coefficients: UnsafePointer<Float>, _ count: Int
) {
    let n = U.width
    let zero = U.splat(0)
    func start(_ k: Int) -> U.Vector {
        guard vectors > k, let initial = block.initial else { return zero }
        return U.load(initial + k * n)
    }
    var a0 = start(0), a1 = start(1), a2 = start(2), a3 = start(3)
    var a4 = start(4), a5 = start(5), a6 = start(6), a7 = start(7)
    for i in 0..<count {
        let s = coefficients[i]
        let w = block.rows + i * stride
        a0 = U.multiplyAdd(U.load(w), s, a0)
        if vectors > 1 { a1 = U.multiplyAdd(U.load(w + n), s, a1) }
        if vectors > 2 { a2 = U.multiplyAdd(U.load(w + 2 * n), s, a2) }
        if vectors > 3 { a3 = U.multiplyAdd(U.load(w + 3 * n), s, a3) }
        if vectors > 4 { a4 = U.multiplyAdd(U.load(w + 4 * n), s, a4) }
        if vectors > 5 { a5 = U.multiplyAdd(U.load(w + 5 * n), s, a5) }
        if vectors > 6 { a6 = U.multiplyAdd(U.load(w + 6 * n), s, a6) }
        if vectors > 7 { a7 = U.multiplyAdd(U.load(w + 7 * n), s, a7) }
    }
    let t = block.target
    U.store(a0, t)
    if vectors > 1 { U.store(a1, t + n) }
    if vectors > 2 { U.store(a2, t + 2 * n) }
    if vectors > 3 { U.store(a3, t + 3 * n) }
    if vectors > 4 { U.store(a4, t + 4 * n) }
    if vectors > 5 { U.store(a5, t + 5 * n) }
    if vectors > 6 { U.store(a6, t + 6 * n) }
    if vectors > 7 { U.store(a7, t + 7 * n) }
}

/// Output: one logit per class over F6's 84 units, computed for the vectors of 16 lanes that hold
/// the classes (the lanes past the last class are zero). Four partial sums break the dependency
/// chain of 84 multiply-adds into one vector.
@inlinable @inline(never)
func denseOutput<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    classes: Int
) {
    let stride = ParameterLayout.outputStride
    let lanes = ParameterLayout.outputLanes(classes: classes)
    let weight = parameters + ParameterLayout.outputWeight
    let bias = parameters + ParameterLayout.outputBias
    let input = trace + TraceLayout.f6
    let logits = trace + TraceLayout.logits
    var group = 0
    while group < lanes {
        var a0 = U.load(bias + group), a1 = U.splat(0), a2 = U.splat(0), a3 = U.splat(0)
        var i = 0
        // 84 inputs, four at a time.
        while i < NetworkGeometry.f6.maps {
            let w = weight + i * stride + group
            a0 = U.multiplyAdd(U.load(w), input[i], a0)
            a1 = U.multiplyAdd(U.load(w + stride), input[i + 1], a1)
            a2 = U.multiplyAdd(U.load(w + 2 * stride), input[i + 2], a2)
            a3 = U.multiplyAdd(U.load(w + 3 * stride), input[i + 3], a3)
            i += 4
        }
        U.store(U.add(U.add(a0, a1), U.add(a2, a3)), logits + group)
        group += U.width
    }
}

/// Softmax of the first `classes` logits, shifted by their maximum so that exp cannot overflow.
@inlinable @inline(__always)
public func softmax(
    _ logits: UnsafeMutablePointer<Float>, into probabilities: UnsafeMutablePointer<Float>,
    classes: Int
) {
    var largest = logits[0]
    for k in 1..<classes { largest = max(largest, logits[k]) }
    var total: Float = 0
    for k in 0..<classes {
        let e = expf(logits[k] - largest)
        probabilities[k] = e
        total += e
    }
    let scale = 1 / total
    for k in 0..<classes { probabilities[k] *= scale }
}
