/// Input, as the terminal layer translates it.
public enum Event: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// The outcome of an effect the runtime carried out.
    case saved(path: String)
    case saveFailed(path: String, reason: String, exists: Bool)
}

public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right
    case tab, backTab, enter, escape, backspace, delete
    /// Ctrl and a letter, lower case: Ctrl-Z is `.control("z")`.
    case control(Character)
}

public struct MouseEvent: Equatable, Sendable {
    public enum Button: Equatable, Sendable { case left, middle, right, none }
    public enum Action: Equatable, Sendable { case press, drag, release, move }

    public var button: Button
    public var action: Action
    /// Screen position, 0-based.
    public var x: Int
    public var y: Int

    public init(button: Button, action: Action, x: Int, y: Int) {
        self.button = button
        self.action = action
        self.x = x
        self.y = y
    }
}

/// Work that `update` asks the runtime to do, because it touches the world outside the state.
public enum Effect: Equatable, Sendable {
    case quit
    /// Write the drawing; refuse if the file exists unless `overwrite`.
    case save(path: String, contents: String, overwrite: Bool)
}
