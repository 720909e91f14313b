/// The gradient of the loss for one sample: given its forward trace and, in
/// `scratch[GradientScratchLayout.output...]`, the gradient with respect to its `classes` logits
/// (the lanes after them zero), adds the gradient with respect to every parameter to `gradient`
/// (`ParameterLayout`). `transposed` holds the weights in `TransposedLayout`.
/// The stages run from the output back to C1, the reverse of `forward`.
@inlinable @inline(__always)
public func backward<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    backwardOutput(
        unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient,
        classes: classes)
    backwardF6(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    backwardC5(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    backwardS4(unit, trace: trace, scratch: scratch)
    backwardC3Weights(unit, trace: trace, scratch: scratch, gradient: gradient)
    backwardS2(unit, parameters: parameters, scratch: scratch)
    backwardS2C1(unit, trace: trace, scratch: scratch, gradient: gradient)
}

/// The gradient of the mean cross-entropy of a batch with respect to one sample's logits:
/// `(softmax - onehot(label)) / batchSize` for the first `classes`, zero in the lanes after them.
@inlinable @inline(__always)
public func crossEntropyGradient(
    probabilities: UnsafePointer<Float>, label: Int, batchSize: Int, classes: Int,
    into target: UnsafeMutablePointer<Float>
) {
    let scale = 1 / Float(batchSize)
    for k in 0..<ParameterLayout.outputStride {
        target[k] = k < classes ? (probabilities[k] - (k == label ? 1 : 0)) * scale : 0
    }
}

/// Output layer: weight and bias gradients, and the gradient with respect to F6. Only the vectors
/// that hold classes are touched; the gradient of the padding stays zero.
@inlinable @inline(never)
func backwardOutput<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    let dLogits = scratch + GradientScratchLayout.output
    let stride = ParameterLayout.outputStride
    let lanes = ParameterLayout.outputLanes(classes: classes)
    accumulate(unit, dLogits, into: gradient + ParameterLayout.outputBias, count: lanes)
    addOuterProduct(
        unit, gradient + ParameterLayout.outputWeight, stride: stride,
        rows: trace + TraceLayout.f6, count: NetworkGeometry.f6.maps, columns: dLogits,
        length: lanes)
    combineRows(
        unit, rows: transposed + TransposedLayout.outputWeight,
        stride: TransposedLayout.outputStride, length: TransposedLayout.outputStride,
        coefficients: dLogits, count: classes, initial: nil,
        into: scratch + GradientScratchLayout.f6)
}

/// F6: through tanh, then weight and bias gradients, and the gradient with respect to C5.
@inlinable @inline(never)
func backwardF6<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>
) {
    let dF6 = scratch + GradientScratchLayout.f6
    let stride = ParameterLayout.f6Stride
    throughTanh(unit, dF6, output: trace + TraceLayout.f6, count: stride)
    accumulate(unit, dF6, into: gradient + ParameterLayout.f6Bias, count: stride)
    addOuterProduct(
        unit, gradient + ParameterLayout.f6Weight, stride: stride,
        rows: trace + TraceLayout.c5, count: NetworkGeometry.f6.taps, columns: dF6,
        length: stride)
    combineRows(
        unit, rows: transposed + TransposedLayout.f6Weight, stride: TransposedLayout.f6Stride,
        length: TransposedLayout.f6Stride, coefficients: dF6, count: NetworkGeometry.f6.maps,
        initial: nil, into: scratch + GradientScratchLayout.c5)
}

/// C5: through tanh, then weight and bias gradients, and the gradient with respect to S4.
@inlinable @inline(never)
func backwardC5<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>
) {
    let dC5 = scratch + GradientScratchLayout.c5
    let stride = ParameterLayout.c5Stride
    throughTanh(unit, dC5, output: trace + TraceLayout.c5, count: stride)
    accumulate(unit, dC5, into: gradient + ParameterLayout.c5Bias, count: stride)
    addOuterProduct(
        unit, gradient + ParameterLayout.c5Weight, stride: stride,
        rows: trace + TraceLayout.s4, count: NetworkGeometry.c5.taps, columns: dC5,
        length: stride)
    combineRows(
        unit, rows: transposed + TransposedLayout.c5Weight, stride: TransposedLayout.c5Stride,
        length: TransposedLayout.c5Stride, coefficients: dC5, count: NetworkGeometry.c5.maps,
        initial: nil, into: scratch + GradientScratchLayout.s4)
}

/// The position of C3 gradient (y, x), which lives inside a zero border of 4 (18 x 18 x 16).
@inlinable @inline(__always)
func paddedC3(_ y: Int, _ x: Int) -> Int {
    let border = GradientScratchLayout.c3Border
    return ((y + border) * GradientScratchLayout.c3PaddedSide + x + border)
        * ParameterLayout.c3Stride
}

/// S4 and C3's tanh: the pooling spreads each S4 gradient over its four C3 positions, a quarter
/// each, then through tanh. Channels last.
@inlinable @inline(never)
func backwardS4<U: VectorUnit>(
    _ unit: U.Type, trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
) {
    let s4 = NetworkGeometry.s4
    let maps = s4.maps
    let dS4 = scratch + GradientScratchLayout.s4
    let dC3 = scratch + GradientScratchLayout.c3
    let c3 = trace + TraceLayout.c3
    let quarter = U.splat(0.25)
    for y in 0..<s4.inputSide {
        for x in 0..<s4.inputSide {
            let from = dS4 + ((y / 2) * s4.side + x / 2) * maps
            let c = c3 + (y * s4.inputSide + x) * maps
            let target = dC3 + paddedC3(y, x)
            var group = 0
            while group < maps {
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
    let c3Shape = NetworkGeometry.c3
    let (side, k, maps) = (c3Shape.side, c3Shape.kernelSide, ParameterLayout.c3Stride)
    let dC3 = scratch + GradientScratchLayout.c3
    let s2 = trace + TraceLayout.s2
    var group = 0
    while group < maps {
        var biasSum = U.splat(0)
        for y in 0..<side {
            for x in 0..<side { biasSum = U.add(biasSum, U.load(dC3 + paddedC3(y, x) + group)) }
        }
        let biasTarget = gradient + ParameterLayout.c3Bias + group
        U.store(U.add(U.load(biasTarget), biasSum), biasTarget)
        // The five taps of one kernel row (one accumulator each) share each gradient vector loaded.
        for map in 0..<c3Shape.inputMaps {
            for ky in 0..<k {
                let zero = U.splat(0)
                var k0 = zero, k1 = zero, k2 = zero, k3 = zero, k4 = zero
                for y in 0..<side {
                    let row = s2 + map * c3Shape.inputArea + (y + ky) * c3Shape.inputSide
                    let d = dC3 + paddedC3(y, 0) + group
                    for x in 0..<side {
                        let v = U.load(d + x * maps)
                        k0 = U.multiplyAdd(v, row[x], k0)
                        k1 = U.multiplyAdd(v, row[x + 1], k1)
                        k2 = U.multiplyAdd(v, row[x + 2], k2)
                        k3 = U.multiplyAdd(v, row[x + 3], k3)
                        k4 = U.multiplyAdd(v, row[x + 4], k4)
                    }
                }
                let w = gradient + ParameterLayout.c3Weight + (map * k + ky) * k * maps + group
                U.store(U.add(U.load(w), k0), w)
                U.store(U.add(U.load(w + maps), k1), w + maps)
                U.store(U.add(U.load(w + 2 * maps), k2), w + 2 * maps)
                U.store(U.add(U.load(w + 3 * maps), k3), w + 3 * maps)
                U.store(U.add(U.load(w + 4 * maps), k4), w + 4 * maps)
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
    let c3 = NetworkGeometry.c3
    let (k, maps) = (c3.kernelSide, ParameterLayout.c3Stride)
    let dC3 = scratch + GradientScratchLayout.c3
    let weight = parameters + ParameterLayout.c3Weight
    let dS2 = scratch + GradientScratchLayout.s2
    for map in 0..<c3.inputMaps {
        for yy in 0..<c3.inputSide {
            var xx = 0
            while xx < c3.inputSide {
                var left = U.splat(0)
                var right = U.splat(0)
                for ky in 0..<k {
                    for kx in 0..<k {
                        let w = weight + ((map * k + ky) * k + kx) * maps
                        let d = dC3 + paddedC3(yy - ky, xx - kx)
                        var g = 0
                        while g < maps {
                            let wv = U.load(w + g)
                            left = U.multiplyAdd(wv, U.load(d + g), left)
                            right = U.multiplyAdd(wv, U.load(d + maps + g), right)
                            g += U.width
                        }
                    }
                }
                let at = map * c3.inputArea + yy * c3.inputSide + xx
                dS2[at] = U.sum(left)
                dS2[at + 1] = U.sum(right)
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
    let s2 = NetworkGeometry.s2
    let (side, rowStride) = (s2.inputSide, GradientScratchLayout.c1RowStride)
    let dS2 = scratch + GradientScratchLayout.s2
    let dC1 = scratch + GradientScratchLayout.c1
    let c1 = trace + TraceLayout.c1
    let input = trace + TraceLayout.input
    let quarter = U.splat(0.25)
    for map in 0..<s2.maps {
        for y in 0..<side {
            let row = dC1 + (map * side + y) * rowStride
            let from = dS2 + map * s2.area + (y / 2) * s2.side
            let output = c1 + map * s2.inputArea + y * side
            // Columns 28..<32 read past the row; they are zeroed below.
            var x = 0
            while x < rowStride {
                let (low, high) = U.duplicateLanes(U.load(from + x / 2))
                let c0 = U.load(output + x)
                let c1 = U.load(output + x + U.width)
                U.store(U.multiply(U.multiply(low, quarter), U.tanhDerivative(c0)), row + x)
                U.store(
                    U.multiply(U.multiply(high, quarter), U.tanhDerivative(c1)), row + x + U.width)
                x += 2 * U.width
            }
            for padding in side..<rowStride { row[padding] = 0 }
        }
    }
    // Reading input columns up to 35 runs into the next row (or, on the last row, into the next
    // block of the trace): those values meet the zero padding of the gradient rows.
    let c1Shape = NetworkGeometry.c1
    let k = c1Shape.kernelSide
    for map in 0..<c1Shape.maps {
        var biasSum = U.splat(0)
        for ky in 0..<k {
            let zero = U.splat(0)
            var k0 = zero, k1 = zero, k2 = zero, k3 = zero, k4 = zero
            for y in 0..<side {
                let row = input + (y + ky) * c1Shape.inputSide
                var x = 0
                while x < rowStride {
                    let d = U.load(dC1 + (map * side + y) * rowStride + x)
                    if ky == 0 { biasSum = U.add(biasSum, d) }
                    k0 = U.multiplyAdd(d, U.load(row + x), k0)
                    k1 = U.multiplyAdd(d, U.load(row + x + 1), k1)
                    k2 = U.multiplyAdd(d, U.load(row + x + 2), k2)
                    k3 = U.multiplyAdd(d, U.load(row + x + 3), k3)
                    k4 = U.multiplyAdd(d, U.load(row + x + 4), k4)
                    x += U.width
                }
            }
            let w = gradient + ParameterLayout.c1Weight + map * c1Shape.taps + ky * k
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
