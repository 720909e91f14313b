import LeNet5
import Teaching

/// A guided tour of the network: a title and steps that a reader goes through one at a time, each
/// saying something about the drawing on the canvas, pointing at a part of the screen, maybe
/// setting up the canvas first, and waiting for the reader. Read from a text file a teacher writes
/// (the format is in README, "Writing a lesson", and at the top of every shipped lesson) by
/// `LessonParser`, which checks everything that can be checked before the lesson is shown.
public struct Lesson: Equatable, Sendable {
    /// The file's name without its extension: what `lenet5 tour NAME` takes.
    public let name: String
    public let title: String
    /// Where it was read from, for messages: a path, or "lessons/NAME.txt" for a built-in lesson.
    public let path: String
    /// At least one.
    public let steps: [LessonStep]
}

/// One step of a lesson. The sketchpad shows it as "step K of N": it applies `setup` to the canvas
/// when the reader comes to the step going forward (going back restores the canvas as it was),
/// turns the preprocessing on or off as `preprocessing` says, points at `target`, shows `text`
/// filled in with the numbers of the drawing on the canvas, and waits for the reader (and, with
/// `awaited`, for the network to read the drawing as that class).
public struct LessonStep: Equatable, Sendable {
    /// The line of the step's `@step`, counted from 1.
    public let line: Int
    /// The words after `@step`, if any: a heading for the step.
    public let title: String?
    /// What the step says, with placeholders for the numbers of the drawing on the canvas.
    public let text: Explanation
    /// What the step points at; nil for nothing in particular.
    public let target: LessonTarget?
    /// What is done to the canvas on coming to the step, in order.
    public let setup: [CanvasAction]
    /// Whether the network reads the canvas through the preprocessing during this step (it is on
    /// until a step turns it off, and stays as the last step that set it left it).
    public let preprocessing: Bool
    /// The class the reader is asked to draw: the step lets the reader go on only once the network
    /// reads the drawing as this class.
    public let awaited: LessonClass?
    /// What the lesson says the network makes of the drawing the step sets up, checked against the
    /// weights in use (`Lesson.check(with:)`).
    public let expectations: [Expectation]
    /// Whether the canvas holds what the reader drew (the tour began on it, or a step asked for a
    /// drawing with @draw, and no step loaded or cleared the canvas since) rather than a drawing
    /// the lesson set up.
    public let canvasIsReaders: Bool
}

/// A class of the network's output, by its index in the probabilities and its name ("7").
public struct LessonClass: Equatable, Hashable, Sendable {
    public let index: Int
    public let name: String
}

/// What a step points at, named as on the sketchpad's screen.
public enum LessonTarget: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The drawing itself.
    case canvas
    /// The overlay on the canvas of which cells drove the answer.
    case saliency
    /// The probability bars of the classes.
    case bars
    /// A layer's tab: Input, C1, S2, C3, S4, C5, F6 or Output.
    case layer(NetworkLayer)
    /// One map of a layer of maps (Input, C1, S2, C3, S4), counted from 0.
    case map(NetworkLayer, map: Int)
    /// One value: a unit of a map, or a unit of C5, F6 or Output.
    case unit(NetworkUnit)

    /// The layer pointed at, if any.
    public var layer: NetworkLayer? {
        switch self {
        case .canvas, .saliency, .bars: nil
        case .layer(let layer), .map(let layer, _): layer
        case .unit(let unit): unit.layer
        }
    }

    /// The map pointed at (or whose unit is), counted from 0, for layers of maps.
    public var map: Int? {
        switch self {
        case .map(_, let map): map
        case .unit(let unit) where !unit.layer.isUnitList: unit.map
        default: nil
        }
    }

    /// As a lesson writes it, counted from 1: "C1 map 4", "C1 map 4 unit 12,7", "F6 unit 17".
    public var description: String {
        switch self {
        case .canvas: "canvas"
        case .saliency: "saliency"
        case .bars: "bars"
        case .layer(let layer): layer.name
        case .map(let layer, let map): "\(layer.name) map \(map + 1)"
        case .unit(let unit):
            unit.layer.isUnitList
                ? "\(unit.layer.name) unit \(unit.map + 1)"
                : "\(unit.layer.name) map \(unit.map + 1) unit \(unit.x + 1),\(unit.y + 1)"
        }
    }
}

/// Something a step does to the canvas.
public enum CanvasAction: Equatable, Sendable {
    /// Put a drawing on the canvas in place of what is there: one of lenet5's samples, or a file
    /// the lesson names. `name` is as the lesson wrote it.
    case load(name: String, drawing: Bitmap)
    /// Empty the canvas.
    case clear
    /// Change what is on the canvas (`DrawingTransform`).
    case transform(DrawingTransform)

    /// The canvas after the action.
    public func applied(to canvas: Bitmap) -> Bitmap {
        switch self {
        case .load(_, let drawing): drawing
        case .clear: Bitmap(width: canvas.width, height: canvas.height)
        case .transform(let transform): transform.applied(to: canvas)
        }
    }
}

extension CanvasAction: CustomStringConvertible {
    /// In words: "loads seven.txt", "clears the canvas", "rotated by 30 degrees anticlockwise".
    public var description: String {
        switch self {
        case .load(let name, _): "loads \(name)"
        case .clear: "clears the canvas"
        case .transform(let transform): transform.description
        }
    }
}

/// A fact about the drawing a step sets up, which the step's text relies on.
public struct Expectation: Equatable, Sendable {
    public enum Claim: Equatable, Sendable {
        /// The network reads the drawing as this class, with at least `atLeast` probability if
        /// given.
        case reads(LessonClass, atLeast: Float?)
        /// A unit's value is above (or below) `value`; for a map, some value of it is.
        case value(LessonTarget, above: Bool, value: Float)
    }

    /// The line of the `@expect`.
    public let line: Int
    public let claim: Claim
}
