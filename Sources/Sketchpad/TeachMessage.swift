import LeNet5

/// What teach mode asks the runtime to do: everything that touches the examples folder, the
/// teaching run (on a background thread) and the taught network's file.
public enum TeachEffect: Equatable, Sendable {
    /// Write `drawing` at once as the next example of class `name`.
    case add(Bitmap, to: String)
    /// Delete an example file of class `name` (and the class's folder when it empties).
    case remove(file: String, name: String)
    /// Start teaching a network from the folder, keeping the layers `freeze` names.
    case train(TeachFreeze)
    case cancelTraining
    /// Write the taught network (run `run`) to `path`; refuse if it exists unless `overwrite`.
    case saveNetwork(run: Int, path: String, overwrite: Bool)
}

/// What the runtime reports back to teach mode.
public enum TeachMessage: Equatable, Sendable {
    /// The examples folder, read again.
    case folder(TeachFolder)
    /// The drawing was written as `file`, an example of `name`; the folder as it is now.
    case added(file: String, name: String, folder: TeachFolder)
    case notAdded(name: String, reason: String)
    case removed(file: String, folder: TeachFolder)
    case notRemoved(file: String, reason: String)
    /// A teaching run began: its examples and classes.
    case started(examples: Int, classes: Int)
    case progress(TeachProgress)
    case trained(TaughtNetwork)
    /// The run stopped without a network: why, and whether it was asked to (Esc, R).
    case failed(reason: String, cancelled: Bool)
    case networkSaved(path: String)
    case networkNotSaved(path: String, reason: String, exists: Bool)
}
