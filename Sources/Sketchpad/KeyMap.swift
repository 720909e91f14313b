import Screen

/// What a key asks the sketchpad to do.
enum Command: Equatable, Sendable {
    case moveCursor(dx: Int, dy: Int)
    case paint
    case togglePen
    case toggleEraser
    case resizeBrush(by: Int)
    case clear
    case undo
    case redo
    case save
    case stepLayer(by: Int)
    case stepMap(by: Int)
    case toggleZoom
    case togglePreActivation
    case back
    case help
    /// Quits, asking first when the drawing was never saved.
    case quit
    /// Quits at once (Ctrl-C), whatever is on screen.
    case quitNow
}

/// A key, what it does, and where: on the canvas, in the network panel, or (nil) anywhere.
struct KeyBinding: Equatable, Sendable {
    let key: Key
    let command: Command
    let focus: Focus?

    init(_ key: Key, _ command: Command, on focus: Focus? = nil) {
        self.key = key
        self.command = command
        self.focus = focus
    }
}

/// One line of the help.
enum HelpLine: Equatable, Sendable {
    case heading(String)
    /// Keys that share a description; the help names exactly these keys.
    case keys([KeyBinding], String)
    /// A mouse button: handled with the mouse events, listed for completeness.
    case mouse(String, String)
    case blank

    var bindings: [KeyBinding] {
        if case .keys(let bindings, _) = self { return bindings }
        return []
    }
}

/// Every key of the sketchpad, declared once: the help overlay lists these lines and `update`
/// looks keys up here, so the two cannot disagree. (Prompts take their own keys, shown in the
/// status bar while they are open.)
enum KeyMap {
    static let help: [HelpLine] = [
        .heading("Drawing"),
        .mouse("left mouse", "paint while pressed (eraser: erase)"),
        .mouse("right mouse", "erase while pressed"),
        .keys(
            [
                KeyBinding(.up, .moveCursor(dx: 0, dy: -1), on: .canvas),
                KeyBinding(.down, .moveCursor(dx: 0, dy: 1), on: .canvas),
                KeyBinding(.left, .moveCursor(dx: -1, dy: 0), on: .canvas),
                KeyBinding(.right, .moveCursor(dx: 1, dy: 0), on: .canvas),
            ], "move the cursor while drawing"),
        .keys(
            [
                KeyBinding(.character("h"), .moveCursor(dx: -1, dy: 0)),
                KeyBinding(.character("j"), .moveCursor(dx: 0, dy: 1)),
                KeyBinding(.character("k"), .moveCursor(dx: 0, dy: -1)),
                KeyBinding(.character("l"), .moveCursor(dx: 1, dy: 0)),
            ], "move the cursor, also while exploring"),
        .keys([KeyBinding(.character(" "), .paint)], "paint (or erase) under the cursor"),
        .keys([KeyBinding(.character("p"), .togglePen)], "pen down / up: moving paints"),
        .keys([KeyBinding(.character("e"), .toggleEraser)], "eraser on / off"),
        .keys(
            [
                KeyBinding(.character("["), .resizeBrush(by: -1)),
                KeyBinding(.character("]"), .resizeBrush(by: 1)),
            ], "brush size 1 to 3"),
        .keys([KeyBinding(.character("c"), .clear)], "clear the canvas"),
        .keys([KeyBinding(.character("u"), .undo), KeyBinding(.control("z"), .undo)], "undo"),
        .keys([KeyBinding(.character("U"), .redo), KeyBinding(.control("r"), .redo)], "redo"),
        .keys([KeyBinding(.character("s"), .save)], "save the drawing as a text grid"),
        .blank,
        .heading("The network"),
        .keys(
            [KeyBinding(.tab, .stepLayer(by: 1)), KeyBinding(.character("n"), .stepLayer(by: 1))],
            "next layer (or click its tab)"),
        .keys(
            [
                KeyBinding(.backTab, .stepLayer(by: -1)),
                KeyBinding(.character("N"), .stepLayer(by: -1)),
            ], "previous layer"),
        .keys(
            [
                KeyBinding(.left, .stepMap(by: -1), on: .network),
                KeyBinding(.right, .stepMap(by: 1), on: .network),
            ], "pick a map (or click it) while exploring"),
        .keys(
            [
                KeyBinding(.up, .stepLayer(by: -1), on: .network),
                KeyBinding(.down, .stepLayer(by: 1), on: .network),
            ], "previous / next layer while exploring"),
        .keys([KeyBinding(.enter, .toggleZoom, on: .network)], "zoom the map beside its kernels"),
        .keys(
            [KeyBinding(.character("a"), .togglePreActivation)],
            "values before tanh (logits before softmax) or after"),
        .keys([KeyBinding(.escape, .back)], "leave the zoom, then back to drawing"),
        .blank,
        .keys([KeyBinding(.character("?"), .help)], "this help (any key closes it)"),
        .keys(
            [KeyBinding(.character("q"), .quit), KeyBinding(.control("c"), .quitNow)],
            "quit (q asks first if the drawing is not saved)"),
    ]

    static let bindings: [KeyBinding] = help.flatMap(\.bindings)

    /// What `key` does with the keys going to `focus`, if anything.
    static func command(for key: Key, focus: Focus) -> Command? {
        bindings.first { $0.key == key && ($0.focus == nil || $0.focus == focus) }?.command
    }

    /// How the help names a group of keys: "u  Ctrl-Z"; the four arrow keys together are
    /// "arrows".
    static func label(_ keys: [Key]) -> String {
        let arrows: [Key] = [.up, .down, .left, .right]
        if Set(keys) == Set(arrows) { return "arrows" }
        return keys.map(name).joined(separator: "  ")
    }

    static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        }
    }
}
