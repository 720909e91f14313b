/// The shape of one layer of the network and where its units look in the input image: the one
/// place that fixes the network's sizes. The buffer layouts (`TraceLayout`, `ParameterLayout`, ...),
/// the kernels, the trace's maps, the model's parameter shapes and the explanations all read it.
///
/// Everything is `@inlinable` and built from literals, so in optimised code every size below is a
/// compile-time constant: a kernel that reads `NetworkGeometry.c1.side` compiles to the same
/// instructions as one that says 28.
public struct LayerGeometry: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The 32x32 image itself.
        case input
        /// Cross-correlation, stride 1, no padding, over every input map.
        case convolution
        /// The mean of non-overlapping squares of one map.
        case averagePooling
        /// Every unit sees every input value.
        case dense
    }

    public let kind: Kind
    /// The layer it reads: maps of `inputSide` x `inputSide` values (1x1 for a list of units).
    public let inputMaps: Int
    public let inputSide: Int
    /// What it produces: maps of `side` x `side` values (C5, F6 and Output: units of 1x1).
    public let maps: Int
    public let side: Int
    /// The square of input values one unit reads in each input map, and how far apart the squares
    /// of neighbouring units are.
    public let kernelSide: Int
    public let stride: Int
    /// A unit's receptive field: the square of input image pixels it depends on, and how many
    /// pixels apart the fields of neighbouring units are.
    public let fieldSide: Int
    public let jump: Int

    @inlinable @inline(__always)
    init(
        kind: Kind, inputMaps: Int, inputSide: Int, maps: Int, side: Int, kernelSide: Int,
        stride: Int, fieldSide: Int, jump: Int
    ) {
        self.kind = kind
        self.inputMaps = inputMaps
        self.inputSide = inputSide
        self.maps = maps
        self.side = side
        self.kernelSide = kernelSide
        self.stride = stride
        self.fieldSide = fieldSide
        self.jump = jump
    }

    /// An image of `maps` x `side` x `side` pixels: each unit is its own field.
    @inlinable @inline(__always)
    static func image(maps: Int, side: Int) -> LayerGeometry {
        LayerGeometry(
            kind: .input, inputMaps: maps, inputSide: side, maps: maps, side: side, kernelSide: 1,
            stride: 1, fieldSide: 1, jump: 1)
    }

    /// The layer that reads this one through `kernelSide` x `kernelSide` squares `stride` apart.
    /// A unit's field grows by the kernel's extra rows at this layer's spacing of fields.
    @inlinable @inline(__always)
    func followed(by kind: Kind, maps: Int, kernelSide: Int, stride: Int) -> LayerGeometry {
        LayerGeometry(
            kind: kind, inputMaps: self.maps, inputSide: side, maps: maps,
            side: (side - kernelSide) / stride + 1, kernelSide: kernelSide, stride: stride,
            fieldSide: fieldSide + (kernelSide - 1) * jump, jump: jump * stride)
    }

    @inlinable @inline(__always)
    func convolution(maps: Int, kernelSide: Int) -> LayerGeometry {
        followed(by: .convolution, maps: maps, kernelSide: kernelSide, stride: 1)
    }

    @inlinable @inline(__always)
    func averagePooling(side: Int) -> LayerGeometry {
        followed(by: .averagePooling, maps: maps, kernelSide: side, stride: side)
    }

    /// A dense layer over a list of units (a layer whose maps are 1x1): a 1x1 convolution.
    @inlinable @inline(__always)
    func dense(units: Int) -> LayerGeometry {
        precondition(side == 1, "a dense layer follows a list of units")
        return followed(by: .dense, maps: units, kernelSide: 1, stride: 1)
    }

    /// Values in one map, and in the whole layer.
    @inlinable @inline(__always) public var area: Int { side * side }
    @inlinable @inline(__always) public var count: Int { maps * area }
    @inlinable @inline(__always) public var inputArea: Int { inputSide * inputSide }
    @inlinable @inline(__always) public var inputCount: Int { inputMaps * inputArea }
    /// Weights per output map (convolution and dense layers): one per input value a unit reads.
    @inlinable @inline(__always) public var taps: Int { inputMaps * kernelSide * kernelSide }
    /// Weights and biases.
    @inlinable @inline(__always) public var parameterCount: Int {
        kind == .convolution || kind == .dense ? maps * taps + maps : 0
    }
}

/// LeNet-5, layer by layer, as the paper draws it (see `Sources/LeNet5/LeNet5.swift`).
public enum NetworkGeometry {
    @inlinable @inline(__always) public static var input: LayerGeometry {
        .image(maps: 1, side: 32)
    }
    @inlinable @inline(__always) public static var c1: LayerGeometry {
        input.convolution(maps: 6, kernelSide: 5)
    }
    @inlinable @inline(__always) public static var s2: LayerGeometry { c1.averagePooling(side: 2) }
    @inlinable @inline(__always) public static var c3: LayerGeometry {
        s2.convolution(maps: 16, kernelSide: 5)
    }
    @inlinable @inline(__always) public static var s4: LayerGeometry { c3.averagePooling(side: 2) }
    /// Its 5x5 kernels cover the 5x5 S4 maps whole: 120 maps of one value.
    @inlinable @inline(__always) public static var c5: LayerGeometry {
        s4.convolution(maps: 120, kernelSide: 5)
    }
    @inlinable @inline(__always) public static var f6: LayerGeometry { c5.dense(units: 84) }
    /// One unit per class. The paper's network, and the one lenet5 ships, has the ten digits; a
    /// network taught other symbols has its own count, within `classLimits`.
    @inlinable @inline(__always) public static func output(classes: Int) -> LayerGeometry {
        f6.dense(units: classes)
    }

    /// The shipped network's classes: the digits 0 to 9.
    @inlinable @inline(__always) public static var digitClasses: Int { 10 }
    /// How many classes a network may have. Two is the least that is a choice; twenty keeps the
    /// output's padded block at two vectors of 16 (`ParameterLayout.outputStride`).
    @inlinable @inline(__always) public static var classLimits: ClosedRange<Int> { 2...20 }
}

/// `count` rounded up to a whole number of 16 floats (64 bytes: a cache line, an AVX-512 vector),
/// the granule of every buffer layout.
@inlinable @inline(__always)
public func aligned(_ count: Int) -> Int { (count + 15) / 16 * 16 }
