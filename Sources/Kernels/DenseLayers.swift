/// The dense layers alone, on values an earlier pass left in the trace: what transfer training
/// runs when the layers below are frozen, so that their values are computed once per example
/// rather than once per step. With `fromC5`, `trace[TraceLayout.c5...]` holds C5's values and F6
/// and Output run; otherwise `trace[TraceLayout.f6...]` holds F6's and only Output runs. The same
/// stages as `forward`, so the numbers are those of a whole pass.
@inlinable @inline(__always)
public func forwardDenseLayers<U: VectorUnit>(
    _ unit: U.Type, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    classes: Int, fromC5: Bool
) {
    if fromC5 { denseF6(unit, parameters: parameters, trace: trace) }
    denseOutput(unit, parameters: parameters, trace: trace, classes: classes)
    softmax(trace + TraceLayout.logits, into: trace + TraceLayout.probabilities, classes: classes)
}

/// The backward pass of `forwardDenseLayers`: the gradients of Output's weights and biases, and
/// with `fromC5` of F6's, added to `gradient`; nothing below is touched. `transposed` needs only
/// its Output block (F6's is read for the gradient at C5, which nothing here uses).
@inlinable @inline(__always)
public func backwardDenseLayers<U: VectorUnit>(
    _ unit: U.Type, transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>, classes: Int,
    fromC5: Bool
) {
    backwardOutput(
        unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient,
        classes: classes)
    if fromC5 {
        backwardF6(unit, transposed: transposed, trace: trace, scratch: scratch, gradient: gradient)
    }
}
