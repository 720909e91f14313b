/// `forward` for the portable unit, compiled once here for every x86-64 processor.
@inline(never)
public func forwardPortable(parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>) {
    forward(PortableUnit.self, parameters: parameters, trace: trace)
}

/// `backward` for the portable unit.
@inline(never)
public func backwardPortable(
    parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>
) {
    backward(
        PortableUnit.self, parameters: parameters, transposed: transposed, trace: trace,
        scratch: scratch, gradient: gradient)
}

/// `probabilityInputGradient` for the portable unit.
@inline(never)
public func probabilityInputGradientPortable(
    target: Int, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
    trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    gradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>
) {
    probabilityInputGradient(
        PortableUnit.self, target: target, parameters: parameters, transposed: transposed,
        trace: trace, scratch: scratch, gradient: gradient, inputGradient: inputGradient)
}
