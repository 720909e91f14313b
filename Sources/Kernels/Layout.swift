// Every size here comes from `NetworkGeometry`; the layouts only decide the order and the padding.

/// Where each packed parameter tensor lives in one flat buffer of floats. The kernels read the
/// weights in the layouts below rather than PyTorch's, so that the innermost loop always runs over
/// contiguous output channels or positions; `LeNet5` converts to and from PyTorch's layout.
/// Every block starts on a multiple of 16 floats (64 bytes) and padding is zero.
public enum ParameterLayout {
    /// [6 maps][25 taps], as PyTorch: the C1 kernels are applied one map at a time.
    @inlinable @inline(__always) public static var c1Weight: Int { 0 }
    @inlinable @inline(__always) public static var c1Bias: Int {
        c1Weight + aligned(NetworkGeometry.c1.maps * NetworkGeometry.c1.taps)
    }
    /// [150 taps (input map, row, column)][16 maps]: all C3 maps of one tap in one vector.
    @inlinable @inline(__always) public static var c3Weight: Int {
        c1Bias + aligned(NetworkGeometry.c1.maps)
    }
    @inlinable @inline(__always) public static var c3Bias: Int {
        c3Weight + NetworkGeometry.c3.taps * c3Stride
    }
    @inlinable @inline(__always) public static var c3Stride: Int {
        aligned(NetworkGeometry.c3.maps)
    }
    /// [400 inputs in S4's (row, column, map) order][128 units, 120 used].
    @inlinable @inline(__always) public static var c5Weight: Int { c3Bias + c3Stride }
    @inlinable @inline(__always) public static var c5Bias: Int {
        c5Weight + NetworkGeometry.c5.taps * c5Stride
    }
    @inlinable @inline(__always) public static var c5Stride: Int {
        aligned(NetworkGeometry.c5.maps)
    }
    /// [120 inputs][96 units, 84 used].
    @inlinable @inline(__always) public static var f6Weight: Int { c5Bias + c5Stride }
    @inlinable @inline(__always) public static var f6Bias: Int {
        f6Weight + NetworkGeometry.f6.taps * f6Stride
    }
    @inlinable @inline(__always) public static var f6Stride: Int {
        aligned(NetworkGeometry.f6.maps)
    }
    /// [84 inputs][32 classes, as many used as the network has (at most 20)]. The padding is zero,
    /// and the kernels read only the vectors that hold classes: ten classes cost what they did
    /// when the stride was 16.
    @inlinable @inline(__always) public static var outputWeight: Int { f6Bias + f6Stride }
    @inlinable @inline(__always) public static var outputBias: Int {
        outputWeight + NetworkGeometry.f6.maps * outputStride
    }
    @inlinable @inline(__always) public static var outputStride: Int {
        aligned(NetworkGeometry.classLimits.upperBound)
    }
    /// The lanes of the output's block that hold a network's `classes`: whole vectors of 16.
    @inlinable @inline(__always) public static func outputLanes(classes: Int) -> Int {
        aligned(classes)
    }
    @inlinable @inline(__always) public static var count: Int { outputBias + outputStride }
}

/// The same weights transposed, for the backward pass: the input gradients of C5, F6 and Output are
/// sums over output units, which vectorise along the inputs in these layouts.
public enum TransposedLayout {
    /// [120 units][400 inputs in S4's (row, column, map) order].
    @inlinable @inline(__always) public static var c5Weight: Int { 0 }
    @inlinable @inline(__always) public static var c5Stride: Int { NetworkGeometry.c5.taps }
    /// [84 units][128 inputs, 120 used].
    @inlinable @inline(__always) public static var f6Weight: Int {
        c5Weight + NetworkGeometry.c5.maps * c5Stride
    }
    @inlinable @inline(__always) public static var f6Stride: Int {
        aligned(NetworkGeometry.f6.taps)
    }
    /// [20 classes, as many used as the network has][96 inputs, 84 used].
    @inlinable @inline(__always) public static var outputWeight: Int {
        f6Weight + NetworkGeometry.f6.maps * f6Stride
    }
    @inlinable @inline(__always) public static var outputStride: Int {
        aligned(NetworkGeometry.f6.maps)
    }
    @inlinable @inline(__always) public static var count: Int {
        outputWeight + NetworkGeometry.classLimits.upperBound * outputStride
    }
}

/// Where each layer's values live in a trace's buffer of floats.
/// C1 and S2 are stored map by map (channels first); C3 and S4 position by position with the 16
/// maps of a position together (channels last), which is how the C3 kernel produces them and how
/// C5 consumes them. Readers go through the strides, never through the raw order.
public enum TraceLayout {
    @inlinable @inline(__always) public static var input: Int { 0 }
    @inlinable @inline(__always) public static var c1PreActivation: Int {
        input + aligned(NetworkGeometry.input.count)
    }
    @inlinable @inline(__always) public static var c1: Int {
        c1PreActivation + aligned(NetworkGeometry.c1.count)
    }
    @inlinable @inline(__always) public static var s2: Int {
        c1 + aligned(NetworkGeometry.c1.count)
    }
    @inlinable @inline(__always) public static var c3PreActivation: Int { s2 + s2Padded }
    @inlinable @inline(__always) public static var c3: Int {
        c3PreActivation + aligned(NetworkGeometry.c3.count)
    }
    @inlinable @inline(__always) public static var s4: Int {
        c3 + aligned(NetworkGeometry.c3.count)
    }
    @inlinable @inline(__always) public static var c5PreActivation: Int {
        s4 + aligned(NetworkGeometry.s4.count)
    }
    @inlinable @inline(__always) public static var c5: Int {
        c5PreActivation + aligned(NetworkGeometry.c5.count)
    }
    @inlinable @inline(__always) public static var f6PreActivation: Int {
        c5 + aligned(NetworkGeometry.c5.count)
    }
    @inlinable @inline(__always) public static var f6: Int {
        f6PreActivation + aligned(NetworkGeometry.f6.count)
    }
    @inlinable @inline(__always) public static var logits: Int {
        f6 + aligned(NetworkGeometry.f6.count)
    }
    /// Logits and probabilities have room for the most classes a network may have
    /// (`ParameterLayout.outputStride`); a pass writes as many as its network has.
    @inlinable @inline(__always) public static var probabilities: Int {
        logits + ParameterLayout.outputStride
    }
    @inlinable @inline(__always) public static var count: Int {
        probabilities + ParameterLayout.outputStride
    }

    /// Room for S2's maps (1176 values, channels first), whose last row the kernels read and write
    /// as a whole vector of 16: two values past the end.
    @inlinable @inline(__always) public static var s2Padded: Int {
        aligned(NetworkGeometry.s2.count + 16 - NetworkGeometry.s2.side)
    }
}

/// Scratch for one sample's backward pass: the loss gradient with respect to each activation.
public enum GradientScratchLayout {
    @inlinable @inline(__always) public static var output: Int { 0 }
    @inlinable @inline(__always) public static var f6: Int {
        output + ParameterLayout.outputStride
    }
    @inlinable @inline(__always) public static var c5: Int {
        f6 + aligned(NetworkGeometry.f6.count)
    }
    @inlinable @inline(__always) public static var s4: Int {
        c5 + aligned(NetworkGeometry.c5.count)
    }
    /// C3's gradient, channels last, inside a zero border of 4 positions (18 x 18 x 16), so that
    /// S2's gradient can sum over all 25 taps without bounds checks. Only the inside is written.
    @inlinable @inline(__always) public static var c3: Int {
        s4 + aligned(NetworkGeometry.s4.count)
    }
    @inlinable @inline(__always) public static var c3Border: Int {
        NetworkGeometry.c3.kernelSide - 1
    }
    @inlinable @inline(__always) public static var c3PaddedSide: Int {
        NetworkGeometry.c3.side + 2 * c3Border
    }
    @inlinable @inline(__always) public static var s2: Int {
        c3 + c3PaddedSide * c3PaddedSide * ParameterLayout.c3Stride
    }
    @inlinable @inline(__always) public static var c1: Int { s2 + TraceLayout.s2Padded }
    /// C1's gradient has rows of 32 floats, 28 used and 4 zero.
    @inlinable @inline(__always) public static var c1RowStride: Int {
        aligned(NetworkGeometry.c1.side)
    }
    @inlinable @inline(__always) public static var count: Int {
        c1 + NetworkGeometry.c1.maps * NetworkGeometry.c1.side * c1RowStride
    }
}
