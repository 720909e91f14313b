import Kernels
import KernelsPortable

#if LENET5_X86_KERNELS
    import KernelsAVX2
    import KernelsAVX512
#endif

/// The compiled kernels of one instruction set, for callers that manage their own buffers
/// (training). `Classifier` is the way in for everything else. `classes` is the number of classes
/// of the network whose parameters are given (its output layer's units).
public enum KernelDispatch {
    /// `Kernels.forward` on packed parameters and a trace buffer (`Kernels.TraceLayout`).
    @inline(__always)
    public static func forward(
        _ set: InstructionSet, parameters: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
        classes: Int
    ) {
        switch set {
        case .portable: forwardPortable(parameters: parameters, trace: trace, classes: classes)
        #if LENET5_X86_KERNELS
            case .avx2: forwardAVX2(parameters: parameters, trace: trace, classes: classes)
            case .avx512: forwardAVX512(parameters: parameters, trace: trace, classes: classes)
        #else
            case .avx2, .avx512: notBuilt(set)
        #endif
        }
    }

    /// `Kernels.backward`: adds one sample's gradient to `gradient`.
    @inline(__always)
    public static func backward(
        _ set: InstructionSet, parameters: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
        trace: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
        gradient: UnsafeMutablePointer<Float>, classes: Int
    ) {
        switch set {
        case .portable:
            backwardPortable(
                parameters: parameters, transposed: transposed, trace: trace, scratch: scratch,
                gradient: gradient, classes: classes)
        #if LENET5_X86_KERNELS
            case .avx2:
                backwardAVX2(
                    parameters: parameters, transposed: transposed, trace: trace,
                    scratch: scratch, gradient: gradient, classes: classes)
            case .avx512:
                backwardAVX512(
                    parameters: parameters, transposed: transposed, trace: trace,
                    scratch: scratch, gradient: gradient, classes: classes)
        #else
            case .avx2, .avx512: notBuilt(set)
        #endif
        }
    }

    /// `Kernels.probabilityInputGradient`: d probability[target] / d input, after a forward pass.
    @inline(__always)
    public static func probabilityInputGradient(
        _ set: InstructionSet, target: Int, parameters: UnsafePointer<Float>,
        transposed: UnsafePointer<Float>, trace: UnsafeMutablePointer<Float>,
        scratch: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>,
        inputGradient: UnsafeMutablePointer<Float>, classes: Int
    ) {
        switch set {
        case .portable:
            probabilityInputGradientPortable(
                target: target, parameters: parameters, transposed: transposed, trace: trace,
                scratch: scratch, gradient: gradient, inputGradient: inputGradient,
                classes: classes)
        #if LENET5_X86_KERNELS
            case .avx2:
                probabilityInputGradientAVX2(
                    target: target, parameters: parameters, transposed: transposed,
                    trace: trace, scratch: scratch, gradient: gradient,
                    inputGradient: inputGradient, classes: classes)
            case .avx512:
                probabilityInputGradientAVX512(
                    target: target, parameters: parameters, transposed: transposed,
                    trace: trace, scratch: scratch, gradient: gradient,
                    inputGradient: inputGradient, classes: classes)
        #else
            case .avx2, .avx512: notBuilt(set)
        #endif
        }
    }

    /// Unreachable through `Classifier` and `Trainer`, which take only supported sets.
    private static func notBuilt(_ set: InstructionSet) -> Never {
        preconditionFailure("\(InstructionSetError.notBuilt(set))")
    }
}
