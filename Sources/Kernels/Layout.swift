/// Where each packed parameter tensor lives in one flat buffer of floats. The kernels read the
/// weights in the layouts below rather than PyTorch's, so that the innermost loop always runs over
/// contiguous output channels or positions; `LeNet5` converts to and from PyTorch's layout.
/// Every block starts on a multiple of 16 floats (64 bytes) and padding is zero.
public enum ParameterLayout {
    /// [6 maps][25 taps], as PyTorch: the C1 kernels are applied one map at a time.
    @inlinable public static var c1Weight: Int { 0 }
    @inlinable public static var c1Bias: Int { 160 }
    /// [150 taps (input map, row, column)][16 maps]: all C3 maps of one tap in one vector.
    @inlinable public static var c3Weight: Int { 176 }
    @inlinable public static var c3Bias: Int { 176 + 150 * 16 }
    /// [400 inputs in S4's (row, column, map) order][128 units, 120 used].
    @inlinable public static var c5Weight: Int { c3Bias + 16 }
    @inlinable public static var c5Bias: Int { c5Weight + 400 * c5Stride }
    @inlinable public static var c5Stride: Int { 128 }
    /// [120 inputs][96 units, 84 used].
    @inlinable public static var f6Weight: Int { c5Bias + c5Stride }
    @inlinable public static var f6Bias: Int { f6Weight + 120 * f6Stride }
    @inlinable public static var f6Stride: Int { 96 }
    /// [84 inputs][16 classes, 10 used].
    @inlinable public static var outputWeight: Int { f6Bias + f6Stride }
    @inlinable public static var outputBias: Int { outputWeight + 84 * outputStride }
    @inlinable public static var outputStride: Int { 16 }
    @inlinable public static var count: Int { outputBias + outputStride }
}

/// The same weights transposed, for the backward pass: the input gradients of C5, F6 and Output are
/// sums over output units, which vectorise along the inputs in these layouts.
public enum TransposedLayout {
    /// [120 units][400 inputs in S4's (row, column, map) order].
    @inlinable public static var c5Weight: Int { 0 }
    /// [84 units][128 inputs, 120 used].
    @inlinable public static var f6Weight: Int { 120 * 400 }
    /// [10 classes][96 inputs, 84 used].
    @inlinable public static var outputWeight: Int { f6Weight + 84 * 128 }
    @inlinable public static var count: Int { outputWeight + 10 * 96 }
}

/// Where each layer's values live in a trace's buffer of floats.
/// C1 and S2 are stored map by map (channels first); C3 and S4 position by position with the 16
/// maps of a position together (channels last), which is how the C3 kernel produces them and how
/// C5 consumes them. Readers go through the strides, never through the raw order.
public enum TraceLayout {
    @inlinable public static var input: Int { 0 }
    @inlinable public static var c1PreActivation: Int { 1024 }
    @inlinable public static var c1: Int { c1PreActivation + 4704 }
    @inlinable public static var s2: Int { c1 + 4704 }
    /// S2 holds 1176 values; the pooling kernel writes a little past the last row.
    @inlinable public static var c3PreActivation: Int { s2 + 1184 }
    @inlinable public static var c3: Int { c3PreActivation + 1600 }
    @inlinable public static var s4: Int { c3 + 1600 }
    @inlinable public static var c5PreActivation: Int { s4 + 400 }
    @inlinable public static var c5: Int { c5PreActivation + 128 }
    @inlinable public static var f6PreActivation: Int { c5 + 128 }
    @inlinable public static var f6: Int { f6PreActivation + 96 }
    @inlinable public static var logits: Int { f6 + 96 }
    @inlinable public static var probabilities: Int { logits + 16 }
    @inlinable public static var count: Int { probabilities + 16 }
}

/// Scratch for one sample's backward pass: the loss gradient with respect to each activation.
public enum GradientScratchLayout {
    @inlinable public static var output: Int { 0 }
    @inlinable public static var f6: Int { 16 }
    @inlinable public static var c5: Int { f6 + 96 }
    @inlinable public static var s4: Int { c5 + 128 }
    /// C3's gradient, channels last, inside a zero border of 4 positions (18 x 18 x 16), so that
    /// S2's gradient can sum over all 25 taps without bounds checks. Only the inside is written.
    @inlinable public static var c3: Int { s4 + 400 }
    @inlinable public static var s2: Int { c3 + 18 * 18 * 16 }
    @inlinable public static var c1: Int { s2 + 1184 }
    /// C1's gradient has rows of 32 floats, 28 used and 4 zero.
    @inlinable public static var count: Int { c1 + 6 * 28 * 32 }
}
