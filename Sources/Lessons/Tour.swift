import LeNet5

/// Going through a lesson, step by step: the state the sketchpad keeps while a tour is open, and
/// what each key does to it. Pure: it takes the canvas and the network's reading and gives back
/// the canvas to show, so that every move is one undoable change of the sketchpad's state.
public struct Tour: Equatable, Sendable {
    public let lesson: Lesson
    /// The step shown, counted from 0.
    public private(set) var index = 0
    /// The canvas as it was just before each step shown so far was set up: going back restores
    /// it. The first is the canvas the tour began on.
    private var before: [Bitmap]

    /// A tour of `lesson` over `canvas`, showing its first step: `canvas` is what to show then.
    public init(lesson: Lesson, canvas: inout Bitmap) {
        self.lesson = lesson
        before = [canvas]
        canvas = Self.setUp(lesson.steps[0], on: canvas)
    }

    public var step: LessonStep { lesson.steps[index] }

    /// "step 3 of 12", as the screen shows it.
    public var position: String { "step \(index + 1) of \(lesson.steps.count)" }

    public var isAtLastStep: Bool { index == lesson.steps.count - 1 }

    /// The canvas the tour began on, to give back when the reader leaves it.
    public var canvasBeforeTour: Bitmap { before[0] }

    /// Whether the reader may go on from this step, the network reading the canvas as
    /// `readingAs` (a class index; nil without ink): always, but for a step that asks for a class
    /// the drawing does not read as yet.
    public func mayGoOn(readingAs best: Int?) -> Bool {
        guard let awaited = step.awaited else { return true }
        return best == awaited.index
    }

    /// The next step (Space, right arrow): true and `canvas` set up for it, or false when the step
    /// waits for a drawing (`mayGoOn`) or is the last one (the tour then ends with the reader).
    public mutating func next(canvas: inout Bitmap, readingAs best: Int?) -> Bool {
        guard !isAtLastStep, mayGoOn(readingAs: best) else { return false }
        index += 1
        before.append(canvas)
        canvas = Self.setUp(step, on: canvas)
        return true
    }

    /// The previous step (left arrow, Backspace): true and `canvas` as it was when the reader left
    /// that step, or false on the first step.
    public mutating func previous(canvas: inout Bitmap) -> Bool {
        guard index > 0, let restored = before.popLast() else { return false }
        index -= 1
        canvas = restored
        return true
    }

    static func setUp(_ step: LessonStep, on canvas: Bitmap) -> Bitmap {
        step.setup.reduce(canvas) { $1.applied(to: $0) }
    }
}
