import Screen

/// What `update` reacts to: input from the terminal, or the outcome of an effect the runtime
/// carried out (Elm's messages).
public enum Message: Equatable, Sendable {
    case input(Event)
    /// Time for the next step of a sweep (see `SketchpadState.tickInterval`).
    case tick
    case saved(path: String)
    case saveFailed(path: String, reason: String, exists: Bool)
    /// What the network reads the canvas as, said by the runtime whenever it changes (after Elm's
    /// subscriptions): `update` never runs the network, and a tour's step that waits for a
    /// drawing needs to know (see `SketchpadState.answerMessage`).
    case networkAnswered(NetworkAnswer)
    /// Opens the tour of lesson `lesson` of `SketchpadState.lessons`.
    case startTour(lesson: Int)
    /// The gallery's file `index`, read (`Effect.readGalleryFile`).
    case galleryLoaded(index: Int, canvas: Canvas)
    /// The gallery's file `index` could not be read, or is not a drawing the canvas holds.
    case galleryFailed(index: Int, reason: String)
    /// From teach mode's runtime: the examples folder, the teaching run, the network's file.
    case teach(TeachMessage)
}

/// What the network read a drawing as: the class (nil for no answer), the drawing, and whether
/// through the preprocessing.
public struct NetworkAnswer: Equatable, Sendable {
    public let canvas: Canvas
    public let preprocessing: Bool
    public let classIndex: Int?

    public init(canvas: Canvas, preprocessing: Bool, classIndex: Int?) {
        self.canvas = canvas
        self.preprocessing = preprocessing
        self.classIndex = classIndex
    }
}

/// Work that `update` asks the runtime to do, because it touches the world outside the state.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the drawing; refuse if the file exists unless `overwrite`.
    case save(path: String, contents: String, overwrite: Bool)
    /// Read the gallery's file `index`, at `path`: answered by `.galleryLoaded` or
    /// `.galleryFailed`.
    case readGalleryFile(index: Int, path: String)
    /// Teach mode's work with files and the teaching run.
    case teach(TeachEffect)
}
