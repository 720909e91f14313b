import Screen

/// What a key of teach mode asks for.
enum TeachCommand: Equatable, Sendable {
    /// Teach mode on (the teach panel beside the canvas) or off (the layers again).
    case toggle
    /// Label the drawing with this class (a digit key: the digit's class).
    case label(String)
    /// Label the drawing with a class whose name is typed.
    case nameClass
    /// Label the drawing with the picked class (the last one used).
    case labelAgain
    /// The keys move through the examples, to review and delete them.
    case browse
    case pickClass(by: Int)
    case pickExample(by: Int)
    /// The picked example large, or the list again.
    case review
    /// Delete the picked example (after asking).
    case delete
    /// Back: from reviewing, from the list, stop a run, from the result, out of teach mode.
    case back
    /// Teach a network from the examples, or stop the run.
    case train
    /// The layers kept as they are: C1 to C5, C1 to F6, nothing.
    case cycleFreeze
    /// The views read the drawing with the original network or the taught one.
    case switchNetwork
    /// Save the taught network as a weights file.
    case saveNetwork
    /// What teaching measured, and why transfer did better or not.
    case showResult
}

extension KeyMap {
    /// Teach mode's keys, a section of the help. The keys inside teach mode are ones nothing
    /// else takes while it is open; the ones that work from anywhere (R F O W y) are free
    /// everywhere.
    static let teachSection: [HelpLine] = [
        .heading("Teaching new classes"),
        .keys(
            [KeyBinding(.character("t"), .teach(.toggle))],
            "teach mode: label drawings to teach the network; again: the layers"),
        .keys(
            (0...9).map {
                KeyBinding(
                    .character(Character(String($0))), .teach(.label(String($0))), on: .teach)
            }, "in teach mode: the drawing is this digit (saved at once)"),
        .keys(
            [KeyBinding(.character("="), .teach(.nameClass), on: .teach)],
            "in teach mode: the drawing is of a class you name (plus, star, alpha)"),
        .keys(
            [KeyBinding(.enter, .teach(.labelAgain), on: .teach)],
            "in teach mode: the drawing is of the picked class, again"),
        .keys(
            [KeyBinding(.character("o"), .teach(.browse), on: .teach)],
            "in teach mode: go through the examples, to look at them and delete them"),
        .keys(
            [
                KeyBinding(.up, .teach(.pickClass(by: -1)), on: .examples),
                KeyBinding(.down, .teach(.pickClass(by: 1)), on: .examples),
                KeyBinding(.left, .teach(.pickExample(by: -1)), on: .examples),
                KeyBinding(.right, .teach(.pickExample(by: 1)), on: .examples),
            ], "in the examples: pick a class and one of its drawings"),
        .keys(
            [KeyBinding(.enter, .teach(.review), on: .examples)],
            "in the examples: the picked drawing large, and back"),
        .keys(
            [
                KeyBinding(.character("d"), .teach(.delete), on: .examples),
                KeyBinding(.delete, .teach(.delete), on: .examples),
            ], "in the examples: delete the picked drawing (asks first)"),
        .keys(
            [KeyBinding(.escape, .teach(.back), on: .teaching)],
            "in teach mode: back (also stops teaching while it runs)"),
        .keys(
            [KeyBinding(.character("R"), .teach(.train))],
            "teach the network from the examples; again to stop"),
        .keys(
            [KeyBinding(.character("F"), .teach(.cycleFreeze))],
            "layers kept as they are: C1 to C5, C1 to F6, or none"),
        .keys(
            [KeyBinding(.character("O"), .teach(.switchNetwork))],
            "the original network or the taught one, on the same drawing"),
        .keys(
            [KeyBinding(.character("E"), .teach(.saveNetwork))],
            "export the taught network as a weights file"),
        .keys(
            [KeyBinding(.character("y"), .teach(.showResult))],
            "why: the taught network beside one trained from scratch"),
    ]
}
