import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// The help and `update` read one key table: every key the help names does something, and no
/// key outside it does anything.
@Suite struct KeyMapTests {
    /// A sketchpad where every key has something to act on: a drawing with an undo and a redo
    /// step, brush 2, C1 picked (zoomed, for the keys that move over a map's values), the unit
    /// in the middle of its map; in teach mode, two classes of two examples each, the second
    /// example of the first picked.
    func prepared(_ context: KeyContext) -> Pad {
        var state = makeState(model: randomModel)
        state.drawSevenWithKeys()
        state.cursor = Point(x: 2, y: 2)
        state.press(.character(" "), .character("u"))
        #expect(state.canUndo && state.canRedo && state.canvas.inkCount > 10)
        state.brush = 2
        state.layerIndex = 1
        state.unitPosition = Point(x: 14, y: 14)
        state.mapIndex = 2
        state.zoomed = context == .values
        let teaching = context == .teach || context == .examples
        state.focus = context == .canvas || teaching ? .canvas : .network
        if teaching {
            state.teach.open = true
            state.teach.folder = twoClasses
            state.teach.browsing = context == .examples
            state.teach.pickedExample = 1
        }
        if context == .digits || context == .confusion {
            // Among made-up test digits, in the middle of the list (and of the matrix).
            var explorer = Explorer(digits: madeUpDigits)
            _ = explorer.step(by: 12)
            if context == .confusion { explorer.openCell = ConfusionCell(label: 4, readAs: 4) }
            state.state.explorer = explorer
            state.focus = .digits
        }
        state.notice = nil
        #expect(state.keyContext == context)
        return state
    }

    /// An examples folder of two classes, two drawings each.
    let twoClasses = TeachFolder(
        path: "/examples",
        classes: ["plus", "ring"].map { name in
            TeachClass(
                name: name,
                examples: (1...2).map {
                    TeachExample(file: "/examples/\(name)/00000\($0).txt", drawing: Canvas().bitmap)
                })
        })

    @Test func everyKeyTheHelpNamesDoesSomething() {
        #expect(!KeyMap.bindings.isEmpty)
        for binding in KeyMap.bindings {
            for context in KeyContext.allCases where binding.applies(in: context) {
                var state = prepared(context)
                let before = state.state
                let effect = state.update(.key(binding.key))
                #expect(
                    effect != nil || state.state != before,
                    "\(KeyMap.name(binding.key)) (\(binding.command)) in \(context)")
            }
        }
    }

    /// Every key a terminal can send, outside the table, leaves the state as it was.
    @Test func noKeyOutsideTheHelpDoesAnything() {
        var keys: [Key] = [
            .up, .down, .left, .right, .tab, .backTab, .enter, .escape, .backspace, .delete,
        ]
        keys += (0x20...0x7E).compactMap(Unicode.Scalar.init).map { .character(Character($0)) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { .control($0) }
        keys += ["é", "\0", "\u{1B}"].map { .character($0) }
        for context in KeyContext.allCases {
            let bound = Set(KeyMap.bindings.filter { $0.applies(in: context) }.map(\.key))
            for key in keys where !bound.contains(key) {
                var state = prepared(context)
                let before = state.state
                #expect(state.update(.key(key)) == nil)
                #expect(state.state == before, "\(KeyMap.name(key)) in \(context)")
            }
        }
    }

    @Test func labelsNameExactlyTheKeysOfTheirLine() {
        #expect(KeyMap.label([.character("u"), .control("z")]) == "u  Ctrl-Z")
        #expect(KeyMap.label([.up, .down, .left, .right]) == "arrows")
        #expect(KeyMap.label([.left, .right]) == "left  right")
        #expect(
            KeyMap.label([.character(" "), .tab, .backTab, .escape]) == "Space  Tab  Shift-Tab  Esc"
        )
        // No key is bound twice for the same focus.
        for context in KeyContext.allCases {
            let keys = KeyMap.bindings.filter { $0.applies(in: context) }.map(\.key)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }
}
