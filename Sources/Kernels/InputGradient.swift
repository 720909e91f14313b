/// The gradient of one class's probability with respect to every pixel of the input image, for
/// saliency ("which pixels pushed this answer"): given a sample's forward trace, writes
/// d probability[target] / d input into `inputGradient` (32x32, row by row).
/// It runs the training's backward pass (whose weight gradients, summed into `gradient`, are of no
/// use here) and then the one step training never needs, from C1 back to the input; training's
/// path is untouched by it.
@inlinable @inline(__always)
public func probabilityInputGradient<U: VectorUnit>(
    _ unit: U.Type, target: Int, parameters: UnsafePointer<Float>,
    transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>,
    inputGradient: UnsafeMutablePointer<Float>, classes: Int
) {
    // Softmax: d p_t / d logit_k = p_t * ([k == t] - p_k).
    let p = trace + TraceLayout.probabilities
    let dLogits = scratch + GradientScratchLayout.output
    for k in 0..<ParameterLayout.outputStride {
        dLogits[k] = k < classes ? p[target] * ((k == target ? 1 : 0) - p[k]) : 0
    }
    backward(
        unit, parameters: parameters, transposed: transposed, trace: trace, scratch: scratch,
        gradient: gradient, classes: classes)
    backwardInput(parameters: parameters, scratch: scratch, into: inputGradient)
}

/// The gradient with respect to the input from C1's (after its tanh, as `backward` leaves it in
/// the scratch): each C1 value spreads its gradient over the 5x5 pixels it read, weighted by the
/// kernel. Plain scalar code: it runs once per explanation, not once per training sample.
@inlinable @inline(never)
func backwardInput(
    parameters: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    into target: UnsafeMutablePointer<Float>
) {
    let c1 = NetworkGeometry.c1
    let (side, k, inputSide) = (c1.side, c1.kernelSide, c1.inputSide)
    let rowStride = GradientScratchLayout.c1RowStride
    let dC1 = scratch + GradientScratchLayout.c1
    let weight = parameters + ParameterLayout.c1Weight
    target.update(repeating: 0, count: c1.inputArea)
    for map in 0..<c1.maps {
        for y in 0..<side {
            let d = dC1 + (map * side + y) * rowStride
            for ky in 0..<k {
                for kx in 0..<k {
                    let w = weight[map * c1.taps + ky * k + kx]
                    let row = target + (y + ky) * inputSide + kx
                    for x in 0..<side { row[x] += w * d[x] }
                }
            }
        }
    }
}
