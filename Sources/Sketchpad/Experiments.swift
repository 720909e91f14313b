import LeNet5
import Lessons

/// The what-if experiments a class runs on its own drawing: each change of the drawing one
/// undoable step, the sweep view, and the preprocessing off and on.
extension SketchpadState {
    /// How far one key press turns or resizes the drawing.
    static let rotationStep = 15.0
    static let scaleStep = 1.25

    /// H J K L, < >, + -, b B: the drawing changed, as one step that u undoes.
    mutating func apply(_ transform: DrawingTransform) {
        guard !canvas.isEmpty else {
            notice = "Nothing to change: the canvas is empty"
            return
        }
        let changed = Canvas(transform.applied(to: canvas.bitmap)) ?? canvas
        guard changed != canvas else {
            switch transform {
            case .thin:
                notice = "Nothing to thin: every stroke is one cell wide already"
            default:
                notice = "The drawing stays as it is: \(transform) changes no cell"
            }
            return
        }
        change { $0 = changed }
        penDown = false
        let lost = changed.isEmpty ? ": no ink is left on the canvas" : ""
        notice = Self.words(for: transform) + lost + " (u undoes)"
    }

    /// A change of the drawing in words, for the status line.
    static func words(for transform: DrawingTransform) -> String {
        switch transform {
        case .shift, .rotate: "Drawing \(transform)"
        case .scale(let factor):
            factor >= 1
                ? "Drawing enlarged \(NumberText.fixed(factor, 2)) times"
                : "Drawing shrunk to \(NumberText.percent(factor, digits: 0)) of its size"
        case .thicken: "Strokes thickened by a cell on each side"
        case .thin: "Strokes thinned by a cell on each side"
        }
    }

    /// S: the sweep view of each kind in turn, then closed.
    mutating func cycleSweepView() {
        let kinds = SweepKind.allCases
        if let kind = sweepKind, let index = kinds.firstIndex(of: kind) {
            sweepKind = index + 1 < kinds.count ? kinds[index + 1] : nil
        } else {
            sweepKind = kinds.first
        }
        // The drawing stays in sight, to be changed while the chart follows it.
        if sweepKind != nil { networkFullScreen = false }
    }

    /// P: the network reads the canvas as it is, or scaled and centred again.
    mutating func togglePreprocessing() {
        preprocessing.toggle()
        notice =
            preprocessing
            ? "Preprocessing on: the drawing is scaled and centred before the network reads it"
            : "Preprocessing off: the network reads the canvas as it is (P turns it on again)"
    }
}
