/// The gradient of the loss for one sample: given its forward trace and, in
/// `scratch[GradientScratchLayout.output...]`, the gradient with respect to its 10 logits (16 floats,
/// the last six zero), adds the gradient with respect to every parameter to `gradient`
/// (`ParameterLayout`). `transposed` holds the weights in `TransposedLayout`.
/// The stages run from the output back to C1, the reverse of `forward`.
@inlinable @inline(__always)
public func backward<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
) {
    backwardOutput(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    backwardF6(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    backwardC5(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    backwardS4(unit, trace: trace, scratch: scratch)
    backwardC3Weights(unit, trace: trace, scratch: scratch, gradient: gradient)
    backwardS2(unit, parameters: parameters, scratch: scratch)
    backwardS2C1(unit, trace: trace, scratch: scratch, gradient: gradient)
}

/// The gradient of the mean cross-entropy of a batch with respect to one sample's logits:
/// `(softmax - onehot(label)) / batchSize`, into 16 floats with the last six zero.
@inlinable @inline(__always)
public func crossEntropyGradient(
    probabilities: UnsafePointer<Float>, label: Int, batchSize: Int,
    into target: UnsafeMutablePointer<Float>
) {
    let scale = 1 / Float(batchSize)
    for k in 0..<16 {
        target[k] = k < 10 ? (probabilities[k] - (k == label ? 1 : 0)) * scale : 0
    }
}

/// Output layer: weight and bias gradients, and the gradient with respect to F6.
@inlinable @inline(never)
func backwardOutput<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>
) {
    let dLogits = scratch + GradientScratchLayout.output
    accumulate(unit, dLogits, into: gradient + ParameterLayout.outputBias, count: 16)
    addOuterProduct(
        unit, gradient + ParameterLayout.outputWeight, stride: ParameterLayout.outputStride,
        rows: trace + TraceLayout.f6, count: 84, columns: dLogits, length: 16)
    combineRows(
        unit, rows: transposed + TransposedLayout.outputWeight, stride: 96, length: 96,
        coefficients: dLogits, count: 10, initial: nil, into: scratch + GradientScratchLayout.f6)
}

/// F6: through tanh, then weight and bias gradients, and the gradient with respect to C5.
@inlinable @inline(never)
func backwardF6<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>
) {
    let dF6 = scratch + GradientScratchLayout.f6
    throughTanh(unit, dF6, output: trace + TraceLayout.f6, count: 96)
    accumulate(unit, dF6, into: gradient + ParameterLayout.f6Bias, count: 96)
    addOuterProduct(
        unit, gradient + ParameterLayout.f6Weight, stride: ParameterLayout.f6Stride,
        rows: trace + TraceLayout.c5, count: 120, columns: dF6, length: 96)
    combineRows(
        unit, rows: transposed + TransposedLayout.f6Weight, stride: 128, length: 128,
        coefficients: dF6, count: 84, initial: nil, into: scratch + GradientScratchLayout.c5)
}

/// C5: through tanh, then weight and bias gradients, and the gradient with respect to S4.
@inlinable @inline(never)
func backwardC5<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>
) {
    let dC5 = scratch + GradientScratchLayout.c5
    throughTanh(unit, dC5, output: trace + TraceLayout.c5, count: 128)
    accumulate(unit, dC5, into: gradient + ParameterLayout.c5Bias, count: 128)
    addOuterProduct(
        unit, gradient + ParameterLayout.c5Weight, stride: ParameterLayout.c5Stride,
        rows: trace + TraceLayout.s4, count: 400, columns: dC5, length: 128)
    combineRows(
        unit, rows: transposed + TransposedLayout.c5Weight, stride: 400, length: 400,
        coefficients: dC5, count: 120, initial: nil, into: scratch + GradientScratchLayout.s4)
}

/// The position of C3 gradient (y, x), which lives inside a zero border of 4 (18 x 18 x 16).
@inlinable @inline(__always)
func paddedC3(_ y: Int, _ x: Int) -> Int { ((y + 4) * 18 + x + 4) * 16 }

/// S4 and C3's tanh: the pooling spreads each S4 gradient over its four C3 positions, a quarter
/// each, then through tanh. Channels last.
@inlinable @inline(never)
func backwardS4<U: VectorUnit>(
    _ unit: U.Type, trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
) {
    let dS4 = scratch + GradientScratchLayout.s4
    let dC3 = scratch + GradientScratchLayout.c3
    let c3 = trace + TraceLayout.c3
    let quarter = U.splat(0.25)
    for y in 0..<10 {
        for x in 0..<10 {
            let from = dS4 + ((y / 2) * 5 + x / 2) * 16
            let c = c3 + (y * 10 + x) * 16
            let target = dC3 + paddedC3(y, x)
            var group = 0
            while group < 16 {
                let value = U.load(c + group)
                U.store(
                    U.multiply(U.multiply(U.load(from + group), quarter), U.tanhDerivative(value)),
                    target + group)
                group += U.width
            }
        }
    }
}

/// C3's weight and bias gradients, vectorised across maps: for each tap, the sum over positions of
/// the S2 value under the tap times the C3 gradient there.
@inlinable @inline(never)
func backwardC3Weights<U: VectorUnit>(
    _ unit: U.Type, trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
) {
    let dC3 = scratch + GradientScratchLayout.c3
    let s2 = trace + TraceLayout.s2
    var group = 0
    while group < 16 {
        var biasSum = U.splat(0)
        for y in 0..<10 {
            for x in 0..<10 { biasSum = U.add(biasSum, U.load(dC3 + paddedC3(y, x) + group)) }
        }
        let biasTarget = gradient + ParameterLayout.c3Bias + group
        U.store(U.add(U.load(biasTarget), biasSum), biasTarget)
        // The five taps of one kernel row share each gradient vector loaded.
        for map in 0..<6 {
            for ky in 0..<5 {
                let zero = U.splat(0)
                var k0 = zero, k1 = zero, k2 = zero, k3 = zero, k4 = zero
                for y in 0..<10 {
                    let row = s2 + map * 196 + (y + ky) * 14
                    let d = dC3 + paddedC3(y, 0) + group
                    for x in 0..<10 {
                        let v = U.load(d + x * 16)
                        k0 = U.multiplyAdd(v, row[x], k0)
                        k1 = U.multiplyAdd(v, row[x + 1], k1)
                        k2 = U.multiplyAdd(v, row[x + 2], k2)
                        k3 = U.multiplyAdd(v, row[x + 3], k3)
                        k4 = U.multiplyAdd(v, row[x + 4], k4)
                    }
                }
                let w = gradient + ParameterLayout.c3Weight + (map * 5 + ky) * 5 * 16 + group
                U.store(U.add(U.load(w), k0), w)
                U.store(U.add(U.load(w + 16), k1), w + 16)
                U.store(U.add(U.load(w + 32), k2), w + 32)
                U.store(U.add(U.load(w + 48), k3), w + 48)
                U.store(U.add(U.load(w + 64), k4), w + 64)
            }
        }
        group += U.width
    }
}

/// The gradient with respect to S2: dS2[map][yy][xx] is the sum over the 25 taps (ky, kx) of
/// <C3 weights of that tap, C3 gradient at (yy - ky, xx - kx)>, a dot product across maps;
/// positions outside C3 fall in the zero border. Two neighbouring outputs share the weights.
@inlinable @inline(never)
func backwardS2<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>
) {
    let dC3 = scratch + GradientScratchLayout.c3
    let weight = parameters + ParameterLayout.c3Weight
    let dS2 = scratch + GradientScratchLayout.s2
    for map in 0..<6 {
        for yy in 0..<14 {
            var xx = 0
            while xx < 14 {
                var left = U.splat(0)
                var right = U.splat(0)
                for ky in 0..<5 {
                    for kx in 0..<5 {
                        let w = weight + ((map * 5 + ky) * 5 + kx) * 16
                        let d = dC3 + paddedC3(yy - ky, xx - kx)
                        var g = 0
                        while g < 16 {
                            let wv = U.load(w + g)
                            left = U.multiplyAdd(wv, U.load(d + g), left)
                            right = U.multiplyAdd(wv, U.load(d + 16 + g), right)
                            g += U.width
                        }
                    }
                }
                dS2[map * 196 + yy * 14 + xx] = U.sum(left)
                dS2[map * 196 + yy * 14 + xx + 1] = U.sum(right)
                xx += 2
            }
        }
    }
}

/// S2 and C1: the pooling spreads each S2 gradient over four C1 positions; through tanh; then C1's
/// weight and bias gradients. The C1 gradient is laid out with rows of 32 (28 used, 4 zero), so
/// that whole vectors cover a row and the padding contributes nothing.
@inlinable @inline(never)
func backwardS2C1<U: VectorUnit>(
    _ unit: U.Type, trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
) {
    let dS2 = scratch + GradientScratchLayout.s2
    let dC1 = scratch + GradientScratchLayout.c1
    let c1 = trace + TraceLayout.c1
    let input = trace + TraceLayout.input
    let quarter = U.splat(0.25)
    for map in 0..<6 {
        for y in 0..<28 {
            let row = dC1 + (map * 28 + y) * 32
            let from = dS2 + map * 196 + (y / 2) * 14
            let output = c1 + map * 784 + y * 28
            // Columns 28..<32 read past the row; they are zeroed below.
            var x = 0
            while x < 32 {
                let (low, high) = U.duplicateLanes(U.load(from + x / 2))
                let c0 = U.load(output + x)
                let c1 = U.load(output + x + U.width)
                U.store(U.multiply(U.multiply(low, quarter), U.tanhDerivative(c0)), row + x)
                U.store(
                    U.multiply(U.multiply(high, quarter), U.tanhDerivative(c1)), row + x + U.width)
                x += 2 * U.width
            }
            row[28] = 0
            row[29] = 0
            row[30] = 0
            row[31] = 0
        }
    }
    // Reading input columns up to 35 runs into the next row (or, on the last row, into the next
    // block of the trace): those values meet the zero padding of the gradient rows.
    for map in 0..<6 {
        var biasSum = U.splat(0)
        for ky in 0..<5 {
            let zero = U.splat(0)
            var k0 = zero, k1 = zero, k2 = zero, k3 = zero, k4 = zero
            for y in 0..<28 {
                let row = input + (y + ky) * 32
                var x = 0
                while x < 32 {
                    let d = U.load(dC1 + (map * 28 + y) * 32 + x)
                    if ky == 0 { biasSum = U.add(biasSum, d) }
                    k0 = U.multiplyAdd(d, U.load(row + x), k0)
                    k1 = U.multiplyAdd(d, U.load(row + x + 1), k1)
                    k2 = U.multiplyAdd(d, U.load(row + x + 2), k2)
                    k3 = U.multiplyAdd(d, U.load(row + x + 3), k3)
                    k4 = U.multiplyAdd(d, U.load(row + x + 4), k4)
                    x += U.width
                }
            }
            let w = gradient + ParameterLayout.c1Weight + map * 25 + ky * 5
            w[0] += U.sum(k0)
            w[1] += U.sum(k1)
            w[2] += U.sum(k2)
            w[3] += U.sum(k3)
            w[4] += U.sum(k4)
        }
        gradient[ParameterLayout.c1Bias + map] += U.sum(biasSum)
    }
}

/// `gradient *= 1 - output^2`: through tanh, whose derivative is written in its output.
@inlinable @inline(__always)
func throughTanh<U: VectorUnit>(
    _ unit: U.Type, _ gradient: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
    count: Int
) {
    var i = 0
    while i < count {
        U.store(
            U.multiply(U.load(gradient + i), U.tanhDerivative(U.load(output + i))), gradient + i)
        i += U.width
    }
}

/// `target += values`, `count` a multiple of the width.
@inlinable @inline(__always)
func accumulate<U: VectorUnit>(
    _ unit: U.Type, _ values: UnsafeMutablePointer<Float>, into target: UnsafeMutablePointer<Float>,
    count: Int
) {
    var i = 0
    while i < count {
        U.store(U.add(U.load(target + i), U.load(values + i)), target + i)
        i += U.width
    }
}

/// `matrix[i][0..<length] += rows[i] * columns[0..<length]` for `count` rows `stride` apart.
@inlinable @inline(__always)
func addOuterProduct<U: VectorUnit>(
    _ unit: U.Type, _ matrix: UnsafeMutablePointer<Float>, stride: Int,
    rows: UnsafeMutablePointer<Float>, count: Int, columns: UnsafeMutablePointer<Float>,
    length: Int
) {
    for i in 0..<count {
        let s = rows[i]
        let target = matrix + i * stride
        var j = 0
        while j < length {
            U.store(U.multiplyAdd(U.load(columns + j), s, U.load(target + j)), target + j)
            j += U.width
        }
    }
}
