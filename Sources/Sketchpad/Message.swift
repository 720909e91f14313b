import Screen

/// What `update` reacts to: input from the terminal, or the outcome of an effect the runtime
/// carried out (Elm's messages).
public enum Message: Equatable, Sendable {
    case input(Event)
    /// Time for the next step of a sweep (see `SketchpadState.tickInterval`).
    case tick
    case saved(path: String)
    case saveFailed(path: String, reason: String, exists: Bool)
    /// From teach mode's runtime: the examples folder, the teaching run, the network's file.
    case teach(TeachMessage)
}

/// Work that `update` asks the runtime to do, because it touches the world outside the state.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the drawing; refuse if the file exists unless `overwrite`.
    case save(path: String, contents: String, overwrite: Bool)
    /// Teach mode's work with files and the teaching run.
    case teach(TeachEffect)
}
