import LeNet5

/// A grid of values drawn as characters at a zoom level that keeps pixels square on a terminal,
/// whose cells are about twice as tall as wide:
/// zoom 0 draws each value as two characters side by side; zoom z >= 1 draws each character as
/// the mean of a block of z values across by 2z down.
struct Heatmap {
    let height: Int
    let width: Int
    let value: (_ y: Int, _ x: Int) -> Float
    /// Values are shown as value / scale, signed or not.
    let scale: Float
    let signed: Bool

    static func size(height: Int, width: Int, zoom: Int) -> (columns: Int, rows: Int) {
        zoom == 0
            ? (2 * width, height)
            : ((width + zoom - 1) / zoom, (height + 2 * zoom - 1) / (2 * zoom))
    }

    func size(zoom: Int) -> (columns: Int, rows: Int) {
        Self.size(height: height, width: width, zoom: zoom)
    }

    func render(
        into buffer: inout CellBuffer, at origin: Point, zoom: Int, palette: Palette, clip: Rect
    ) {
        let (columns, rows) = size(zoom: zoom)
        for row in 0..<rows {
            for column in 0..<columns {
                let v: Float
                if zoom == 0 {
                    v = value(row, column / 2)
                } else {
                    var total: Float = 0
                    var count: Float = 0
                    for y in (row * 2 * zoom)..<min(height, (row + 1) * 2 * zoom) {
                        for x in (column * zoom)..<min(width, (column + 1) * zoom) {
                            total += value(y, x)
                            count += 1
                        }
                    }
                    v = count > 0 ? total / count : 0
                }
                let normalised = scale > 0 ? v / scale : 0
                let cell = signed ? palette.signed(normalised) : palette.unsigned(normalised)
                buffer.set(origin.x + column, origin.y + row, cell, clip: clip)
            }
        }
    }
}

/// What the panel shows of a layer: which trace block, and how its values are scaled.
struct LayerView {
    let description: LayerDescription
    let traced: TracedLayer
    let maps: FeatureMaps
    let signed: Bool
    let scale: Float
    /// The values shown are before the activation (or the logits before softmax).
    let beforeActivation: Bool

    init(_ description: LayerDescription, trace: ForwardTrace, preActivation: Bool) {
        self.description = description
        var traced = description.layer
        if preActivation {
            switch description.layer {
            case .c1: traced = .c1PreActivation
            case .c3: traced = .c3PreActivation
            case .c5: traced = .c5PreActivation
            case .f6: traced = .f6PreActivation
            case .probabilities: traced = .logits
            default: break
            }
        }
        self.traced = traced
        beforeActivation = traced != description.layer
        maps = trace.maps(traced)
        switch traced {
        case .input, .probabilities:
            signed = false
            scale = 1
        case .c1PreActivation, .c3PreActivation, .c5PreActivation, .f6PreActivation, .logits:
            // Unbounded: scaled by the largest magnitude in the layer.
            signed = true
            let range = maps.range()
            scale = max(abs(range.lowerBound), abs(range.upperBound), 1e-6)
        default:
            // tanh outputs and their averages lie in -1...1: a fixed scale shows saturation as such.
            signed = true
            scale = 1
        }
    }

    var isSpatial: Bool { maps.height > 1 }

    func heatmap(channel: Int) -> Heatmap {
        Heatmap(
            height: maps.height, width: maps.width, value: { maps[channel, $0, $1] }, scale: scale,
            signed: signed)
    }

    /// What a shade means here, for the legend.
    var scaleText: String {
        if !signed { return "" }
        return scale == 1 ? "" : " (scaled by the largest magnitude, \(fixed(scale, 2)))"
    }
}
