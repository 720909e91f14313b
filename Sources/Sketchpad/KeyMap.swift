import LeNet5
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
    /// Shades scaled map by map, or for the whole layer.
    case toggleShadesPerMap
    /// The network panel on the whole screen, or beside the canvas.
    case toggleFullScreen
    /// The explanations in words, shown or hidden.
    case toggleExplanations
    /// Moves the picked unit within its map (in the zoom, and while watching).
    case moveUnit(dx: Int, dy: Int)
    /// The picked unit's next (or previous) position in reading order: the window's next step.
    case stepPosition(by: Int)
    /// The picked unit computed step by step, or back to the zoom.
    case toggleWatch
    /// Sweeps the window across the whole map; pauses and resumes.
    case toggleSweep
    /// What drove the decision, over the drawing.
    case toggleSaliency
    case switchSaliencyMethod
    /// Changes the drawing: one undoable step.
    case transform(DrawingTransform)
    /// The what-if sweep view, of each kind in turn, then closed.
    case cycleSweepView
    /// The network reads the raw canvas, or the drawing scaled and centred.
    case togglePreprocessing
    /// The next (or previous) drawing of the gallery.
    case stepGallery(by: Int)
    /// The list of lessons.
    case openLessons
    /// In a tour: the next step, the previous one, leaving it.
    case nextStep
    case previousStep
    case leaveTour
    case back
    /// The previous or next test digit of the list (`lenet5 explore`), or `by` digits along.
    case stepDigit(by: Int)
    /// Browse a list of test digits: all, or those misclassified.
    case browse(DigitList)
    /// The confusion matrix, opened on the digit's cell, or closed.
    case toggleConfusion
    /// Moves the matrix's cursor from cell to cell.
    case moveInConfusion(dx: Int, dy: Int)
    /// Browses the digits of the cell under the matrix's cursor.
    case openConfusionCell
    case closeConfusion
    /// The test digit on screen copied onto the canvas (ink or paper), to edit.
    case copyDigit
    case help
    /// Quits, asking first when the drawing was never saved.
    case quit
    /// Quits at once (Ctrl-C), whatever is on screen.
    case quitNow
    /// Teach mode's keys (TeachKeys.swift).
    case teach(TeachCommand)
}

/// Where the keys go now: drawing on the canvas, among the maps of a layer, or over the values
/// of one map (in the zoom and while watching a computation); with `lenet5 explore`, among the
/// test digits, or over the confusion matrix; in teach mode, drawing beside the teach panel, or
/// moving through its examples.
enum KeyContext: Equatable, Sendable, CaseIterable {
    case canvas
    case maps
    case values
    case digits
    case confusion
    case teach
    case examples
}

/// Where a key binding applies.
enum KeyPlace: Equatable, Sendable {
    /// During a guided tour, wherever the keys go: these come first.
    case tour
    case canvas
    /// Among the maps or over one map's values: anywhere in the network panel.
    case network
    case maps
    case values
    case digits
    case confusion
    /// Drawing beside the teach panel.
    case teach
    /// Moving through the teach panel's examples.
    case examples
    /// Anywhere in teach mode: drawing beside its panel or moving through its examples.
    case teaching

    func contains(_ context: KeyContext) -> Bool {
        switch self {
        case .tour: false
        case .canvas: context == .canvas || context == .teach
        case .network: context == .maps || context == .values
        case .maps: context == .maps
        case .values: context == .values
        case .digits: context == .digits
        case .confusion: context == .confusion
        case .teach: context == .teach
        case .examples: context == .examples
        case .teaching: context == .teach || context == .examples
        }
    }
}

/// A key, what it does, and where (nil: anywhere).
struct KeyBinding: Equatable, Sendable {
    let key: Key
    let command: Command
    let place: KeyPlace?

    init(_ key: Key, _ command: Command, on place: KeyPlace? = nil) {
        self.key = key
        self.command = command
        self.place = place
    }

    /// Whether it applies where the keys go, and (for the tour's keys) during a tour. A key bound
    /// to no place works wherever the context admits its command.
    func applies(in context: KeyContext, touring: Bool = false) -> Bool {
        place == .tour ? touring : place?.contains(context) ?? context.admits(command)
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
/// looks keys up here, so the two cannot disagree. (Prompts and the help's pages take their own
/// keys, shown on screen while they are open.)
enum KeyMap {
    static let help: [HelpLine] = sketchpadKeys + teachSection + lastKeys

    /// The sketchpad's own keys, teach mode's aside (`teachSection`).
    static let sketchpadKeys: [HelpLine] = [
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
        .keys(
            [KeyBinding(.character(" "), .paint)],
            "paint (or erase) under the cursor; in a tour, the next step (p and h j k l draw)"),
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
                KeyBinding(.left, .stepMap(by: -1), on: .maps),
                KeyBinding(.right, .stepMap(by: 1), on: .maps),
            ], "pick a map (or click it) while exploring"),
        .keys(
            [
                KeyBinding(.up, .stepLayer(by: -1), on: .maps),
                KeyBinding(.down, .stepLayer(by: 1), on: .maps),
            ], "previous / next layer while exploring"),
        .keys(
            [
                KeyBinding(.character("m"), .stepMap(by: 1)),
                KeyBinding(.character("M"), .stepMap(by: -1)),
            ], "next / previous map, also in the zoom"),
        .keys(
            [KeyBinding(.enter, .toggleZoom, on: .network)],
            "zoom the map beside its kernels, and back"),
        .keys(
            [KeyBinding(.character("a"), .togglePreActivation)],
            "values before tanh (logits before softmax) or after"),
        .keys(
            [KeyBinding(.character("v"), .toggleShadesPerMap)],
            "shades scaled for each map, or for the whole layer"),
        .keys(
            [KeyBinding(.character("f"), .toggleFullScreen)],
            "the network on the whole screen, or beside the canvas"),
        .keys(
            [KeyBinding(.escape, .back, on: .network)],
            "back: from watching, the zoom, then to drawing"),
        .blank,
        .heading("One value at a time"),
        .keys(
            [
                KeyBinding(.up, .moveUnit(dx: 0, dy: -1), on: .values),
                KeyBinding(.down, .moveUnit(dx: 0, dy: 1), on: .values),
                KeyBinding(.left, .moveUnit(dx: -1, dy: 0), on: .values),
                KeyBinding(.right, .moveUnit(dx: 1, dy: 0), on: .values),
            ], "in the zoom: pick a value (or click it); the canvas lights up where it looks"),
        .keys(
            [
                KeyBinding(.character("."), .stepPosition(by: 1)),
                KeyBinding(.character(","), .stepPosition(by: -1)),
            ], "next / previous value: the window's next step"),
        .keys(
            [KeyBinding(.character("w"), .toggleWatch)],
            "watch the picked value being computed, and back (a click on the map filling up "
                + "watches the value there)"),
        .keys(
            [KeyBinding(.character("r"), .toggleSweep)],
            "sweep the window across the map; again to pause"),
        .blank,
        .heading("Explanations"),
        .keys(
            [KeyBinding(.character("i"), .toggleExplanations)],
            "hide / show what each view says in words (and a tour's words)"),
        .keys(
            [KeyBinding(.character("x"), .toggleSaliency)],
            "shade the drawing by what made the answer"),
        .keys(
            [KeyBinding(.character("X"), .switchSaliencyMethod)],
            "measure that by erasing cells, or by the gradient"),
        .blank,
        .heading("What if"),
        .keys(
            [
                KeyBinding(.character("H"), .transform(.shift(x: -1, y: 0))),
                KeyBinding(.character("J"), .transform(.shift(x: 0, y: 1))),
                KeyBinding(.character("K"), .transform(.shift(x: 0, y: -1))),
                KeyBinding(.character("L"), .transform(.shift(x: 1, y: 0))),
            ], "move the drawing a cell left, down, up, right"),
        .keys(
            [
                KeyBinding(.character("<"), .transform(.rotate(degrees: 15))),
                KeyBinding(.character(">"), .transform(.rotate(degrees: -15))),
            ], "turn it 15 degrees anticlockwise, clockwise"),
        .keys(
            [
                KeyBinding(.character("+"), .transform(.scale(factor: 1.25))),
                KeyBinding(.character("-"), .transform(.scale(factor: 0.8))),
            ], "make it larger, smaller"),
        .keys(
            [
                KeyBinding(.character("b"), .transform(.thicken(steps: 1))),
                KeyBinding(.character("B"), .transform(.thin(steps: 1))),
            ], "thicker, thinner strokes (u undoes each change)"),
        .keys(
            [KeyBinding(.character("S"), .cycleSweepView)],
            "sweep: what it reads as it turns, moves, grows, thickens (again: the next; then off)"),
        .keys(
            [KeyBinding(.character("P"), .togglePreprocessing)],
            "preprocessing off / on: what the network makes of the raw canvas"),
        .blank,
        .heading("Lessons and samples"),
        .keys([KeyBinding(.character("T"), .openLessons)], "pick a guided tour"),
        .keys(
            [
                KeyBinding(.character(" "), .nextStep, on: .tour),
                KeyBinding(.right, .nextStep, on: .tour),
            ],
            "in a tour: the next step (draw with the mouse, or p and h j k l)"),
        .keys(
            [
                KeyBinding(.left, .previousStep, on: .tour),
                KeyBinding(.backspace, .previousStep, on: .tour),
            ], "in a tour: the previous step"),
        .keys([KeyBinding(.escape, .leaveTour, on: .tour)], "leave the tour"),
        .keys(
            [
                KeyBinding(.character("g"), .stepGallery(by: 1)),
                KeyBinding(.character("G"), .stepGallery(by: -1)),
            ], "the gallery's next, previous drawing"),
        .blank,
        .heading("Test digits (lenet5 explore)"),
        .keys(
            [
                KeyBinding(.left, .stepDigit(by: -1), on: .digits),
                KeyBinding(.right, .stepDigit(by: 1), on: .digits),
            ], "previous / next digit of the list"),
        .keys(
            [
                KeyBinding(.up, .stepDigit(by: -10), on: .digits),
                KeyBinding(.down, .stepDigit(by: 10), on: .digits),
            ], "ten digits back / on"),
        .keys([KeyBinding(.character("A"), .browse(.all))], "all the test digits"),
        .keys(
            [KeyBinding(.character("W"), .browse(.misclassified))],
            "only those the network reads wrong"),
        .keys(
            [KeyBinding(.character("C"), .toggleConfusion)],
            "the confusion matrix: each label against what the network read"),
        .keys(
            [
                KeyBinding(.up, .moveInConfusion(dx: 0, dy: -1), on: .confusion),
                KeyBinding(.down, .moveInConfusion(dx: 0, dy: 1), on: .confusion),
                KeyBinding(.left, .moveInConfusion(dx: -1, dy: 0), on: .confusion),
                KeyBinding(.right, .moveInConfusion(dx: 1, dy: 0), on: .confusion),
            ], "in the matrix: pick a cell"),
        .keys(
            [KeyBinding(.enter, .openConfusionCell, on: .confusion)],
            "in the matrix: browse the digits of the cell"),
        .keys([KeyBinding(.escape, .closeConfusion, on: .confusion)], "close the matrix"),
        .keys(
            [KeyBinding(.character("d"), .copyDigit, on: .digits)],
            "copy the digit onto the canvas (ink or paper) to edit it"),
        .blank,
    ]

    /// The help, and quitting: the last lines of the help.
    static let lastKeys: [HelpLine] = [
        .blank,
        .keys([KeyBinding(.character("?"), .help)], "this help"),
        .keys(
            [KeyBinding(.character("q"), .quit), KeyBinding(.control("c"), .quitNow)],
            "quit (q asks first if the drawing is not saved)"),
    ]

    static let bindings: [KeyBinding] = help.flatMap(\.bindings)

    /// What `key` does where the keys go now, if anything; during a tour its keys come first, on
    /// the canvas and in the network (the test digits and their matrix keep their own).
    static func command(for key: Key, in context: KeyContext, touring: Bool = false) -> Command? {
        if touring, [.canvas, .maps, .values].contains(context),
            let binding = bindings.first(where: { $0.key == key && $0.place == .tour })
        {
            return binding.command
        }
        return bindings.first { $0.key == key && $0.applies(in: context) }?.command
    }

    /// How the help names a group of keys: "u  Ctrl-Z"; the four arrow keys together are
    /// "arrows", the ten digits "0-9".
    static func label(_ keys: [Key]) -> String {
        let arrows: [Key] = [.up, .down, .left, .right]
        if Set(keys) == Set(arrows) { return "arrows" }
        if keys == (0...9).map({ Key.character(Character(String($0))) }) { return "0-9" }
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
