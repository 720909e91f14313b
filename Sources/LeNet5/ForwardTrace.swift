import Kernels

/// The layers whose values a forward pass keeps.
public enum TracedLayer: String, CaseIterable, Sendable {
    case input
    case c1PreActivation, c1, s2
    case c3PreActivation, c3, s4
    case c5PreActivation, c5
    case f6PreActivation, f6
    case logits, probabilities
}

/// Every layer's values from one forward pass, in one buffer allocated once and reused by every
/// pass, so that a steady stream of passes (a sketchpad redrawing on each stroke) allocates nothing.
/// Read it through `maps(_:)`; the buffer's internal order is the kernels' business.
/// Not thread-safe: give each thread its own trace.
public final class ForwardTrace {
    /// The raw values in `Kernels.TraceLayout`, for code that runs the kernels itself (training).
    public var buffer: UnsafeMutablePointer<Float> { storage.pointer }
    private let storage = AlignedBuffer(count: TraceLayout.count)
    /// The number of classes of the network that ran last: how many logits and probabilities the
    /// trace holds. A classifier sets it when it runs; code that runs the kernels itself says it
    /// when it makes the trace.
    public internal(set) var classes: Int

    public init(classes: Int = NetworkGeometry.digitClasses) {
        precondition(NetworkGeometry.classLimits.contains(classes))
        self.classes = classes
    }

    /// The values of one layer, as maps of rows and columns (dense layers are maps of 1x1).
    public func maps(_ layer: TracedLayer) -> FeatureMaps {
        switch layer {
        case .input: planar(TraceLayout.input, NetworkGeometry.input)
        case .c1PreActivation: planar(TraceLayout.c1PreActivation, NetworkGeometry.c1)
        case .c1: planar(TraceLayout.c1, NetworkGeometry.c1)
        case .s2: planar(TraceLayout.s2, NetworkGeometry.s2)
        case .c3PreActivation: interleaved(TraceLayout.c3PreActivation, NetworkGeometry.c3)
        case .c3: interleaved(TraceLayout.c3, NetworkGeometry.c3)
        case .s4: interleaved(TraceLayout.s4, NetworkGeometry.s4)
        case .c5PreActivation: units(TraceLayout.c5PreActivation, NetworkGeometry.c5)
        case .c5: units(TraceLayout.c5, NetworkGeometry.c5)
        case .f6PreActivation: units(TraceLayout.f6PreActivation, NetworkGeometry.f6)
        case .f6: units(TraceLayout.f6, NetworkGeometry.f6)
        case .logits: units(TraceLayout.logits, NetworkGeometry.output(classes: classes))
        case .probabilities:
            units(TraceLayout.probabilities, NetworkGeometry.output(classes: classes))
        }
    }

    /// The class probabilities, one per class, in output order.
    public var probabilities: [Float] {
        Array(UnsafeBufferPointer(start: buffer + TraceLayout.probabilities, count: classes))
    }

    /// True when every logit and every probability is a finite number. Finite weights can still
    /// make a layer overflow (a weight of 3e38 times an activation of 2 is infinity), and then the
    /// softmax gives NaN: there is no prediction, and `prediction` is meaningless. Check this
    /// before showing or using one.
    public var hasFiniteOutput: Bool {
        let logits = buffer + TraceLayout.logits
        let probabilities = buffer + TraceLayout.probabilities
        for k in 0..<classes where !logits[k].isFinite || !probabilities[k].isFinite {
            return false
        }
        return true
    }

    /// The most probable class (its index in output order) and its probability. Meaningless
    /// unless `hasFiniteOutput`.
    public var prediction: (classIndex: Int, confidence: Float) {
        let p = buffer + TraceLayout.probabilities
        var best = 0
        for k in 1..<classes where p[k] > p[best] { best = k }
        return (best, p[best])
    }

    private func planar(_ offset: Int, _ layer: LayerGeometry) -> FeatureMaps {
        FeatureMaps(
            trace: self, offset: offset, channels: layer.maps, height: layer.side,
            width: layer.side, channelStride: layer.area, rowStride: layer.side, columnStride: 1)
    }

    private func interleaved(_ offset: Int, _ layer: LayerGeometry) -> FeatureMaps {
        FeatureMaps(
            trace: self, offset: offset, channels: layer.maps, height: layer.side,
            width: layer.side, channelStride: 1, rowStride: layer.side * layer.maps,
            columnStride: layer.maps)
    }

    private func units(_ offset: Int, _ layer: LayerGeometry) -> FeatureMaps {
        FeatureMaps(
            trace: self, offset: offset, channels: layer.maps, height: 1, width: 1,
            channelStride: 1, rowStride: 1, columnStride: 1)
    }
}

/// A view of one layer's values in a trace: `channels` maps of `height` x `width`.
/// It reads the trace as it is now, so it shows the latest forward pass.
public struct FeatureMaps {
    let trace: ForwardTrace
    let offset: Int
    public let channels: Int
    public let height: Int
    public let width: Int
    let channelStride: Int
    let rowStride: Int
    let columnStride: Int

    public subscript(channel: Int, y: Int, x: Int) -> Float {
        precondition(
            (0..<channels).contains(channel) && (0..<height).contains(y) && (0..<width).contains(x))
        return trace.buffer[offset + channel * channelStride + y * rowStride + x * columnStride]
    }

    /// Unit `index` of a dense layer, or value `index` of a single map in row order.
    public subscript(unit index: Int) -> Float {
        if height == 1 && width == 1 { return self[index, 0, 0] }
        precondition(channels == 1)
        return self[0, index / width, index % width]
    }

    public var count: Int { channels * height * width }

    /// All values, channel by channel, each row by row: PyTorch's order.
    public var values: [Float] {
        var result = [Float]()
        result.reserveCapacity(count)
        for c in 0..<channels {
            for y in 0..<height {
                for x in 0..<width { result.append(self[c, y, x]) }
            }
        }
        return result
    }

    /// The smallest and largest value of map `channel`, or of all maps.
    public func range(channel: Int? = nil) -> ClosedRange<Float> {
        var low = Float.infinity
        var high = -Float.infinity
        for c in channel.map({ $0...$0 }) ?? 0...(channels - 1) {
            for y in 0..<height {
                for x in 0..<width {
                    let v = self[c, y, x]
                    low = min(low, v)
                    high = max(high, v)
                }
            }
        }
        return low...high
    }
}
