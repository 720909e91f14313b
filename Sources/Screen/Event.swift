/// Input, as the terminal layer translates it.
public enum Event: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// Text the terminal marked as pasted (bracketed paste), whole: it is never read as keys.
    case paste(String)
}

public enum Key: Equatable, Hashable, Sendable {
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
