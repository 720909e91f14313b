/// `forward` for the portable unit, compiled once here for every x86-64 processor.
@inline(never)
public func forwardPortable(
    parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>, classes: Int
) {
    forward(PortableUnit.self, parameters: parameters, trace: trace, classes: classes)
}

/// `backward` for the portable unit.
@inline(never)
public func backwardPortable(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, classes: Int
) {
    backward(
        PortableUnit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient, classes: classes)
}

/// `probabilityInputGradient` for the portable unit.
@inline(never)
public func probabilityInputGradientPortable(
    target: Int, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>,
    classes: Int
) {
    probabilityInputGradient(
        PortableUnit.self, target: target, parameters: parameters, transposed: transposed,
        trace: trace, scratch: scratch, gradient: gradient, inputGradient: inputGradient,
        classes: classes)
}
