import LeNet5
import Screen
import Testing

@testable import Sketchpad

/// What the save prompt takes: names a file system can hold, typed or pasted, and nothing that
/// could turn a paste into commands.
@Suite struct SavePromptTests {
    /// A drawing, and the save prompt open with its name cleared.
    func promptWithoutName() -> Pad {
        var state = makeState()
        state.drawSevenWithKeys()
        state.press(.character("s"), .control("u"))
        #expect(state.prompt == .saveName(""))
        return state
    }

    @Test func controlCharactersAreRefusedWithAMessage() {
        var state = promptWithoutName()
        state.type("ab")
        for character in ["\0", "\u{1B}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2028}"] {
            state.type(character)
            #expect(
                state.prompt == .saveName("ab"), "\(character.unicodeScalars.first?.value ?? 0)")
            #expect(state.notice?.contains("control characters") == true)
        }
        // Letters beyond ASCII are fine.
        state.type("é字.txt")
        #expect(state.prompt == .saveName("abé字.txt") && state.notice == nil)
    }

    @Test func aNameTooLongIsRefusedNotCut() {
        var state = promptWithoutName()
        state.type(String(repeating: "n", count: 255))
        state.type("x")
        #expect(state.prompt == .saveName(String(repeating: "n", count: 255)))
        #expect(state.notice == "A file name can be at most 255 bytes between slashes")
        // Another component may be as long, up to 1024 bytes in all.
        for letter in ["m", "o", "p"] { state.type("/" + String(repeating: letter, count: 255)) }
        state.type("/")
        #expect(state.notice == nil)
        state.type("q")
        guard case .saveName(let name) = state.prompt else {
            Issue.record("the prompt closed")
            return
        }
        #expect(name.utf8.count == 1024 && state.notice == "A path can be at most 1024 bytes long")
        // A paste of 5,000 characters is refused whole.
        state.press(.control("u"))
        _ = state.update(.paste(String(repeating: "x", count: 5000)))
        #expect(state.prompt == .saveName(""))
        #expect(
            state.notice == "Paste not used: a file name can be at most 255 bytes between slashes")
    }

    @Test func aPasteFillsTheNameAndEnterSavesIt() {
        var state = promptWithoutName()
        #expect(state.update(.paste("pasted.txt")) == nil)
        #expect(state.prompt == .saveName("pasted.txt"))
        let grid = DrawingFormats.textGrid(state.canvas.bitmap)
        #expect(
            state.update(.key(.enter))
                == .save(path: "pasted.txt", contents: grid, overwrite: false))
    }

    /// A pasted name with a line break (and what a terminal's paste of several lines sends) is
    /// refused whole: nothing saved, nothing run.
    @Test(arguments: [
        "evil.txt\ncq", "evil.txt\rq", "a\tb", String(repeating: "junk line\r", count: 10_000),
    ])
    func aPasteWithLineBreaksIsRefusedWhole(text: String) {
        var state = promptWithoutName()
        let drawing = state.canvas
        #expect(state.update(.paste(text)) == nil)
        #expect(state.prompt == .saveName(""))
        #expect(
            state.notice
                == "Paste not used: a file name cannot hold line breaks or other control characters"
        )
        #expect(state.canvas == drawing)
    }

    @Test func aPasteAnywhereElseDoesNothingButSaySo() {
        var state = makeState()
        state.drawSevenWithKeys()
        let before = state.state
        #expect(state.update(.paste("cq s\r u")) == nil)
        #expect(state.notice == "Pasted text is only used as a file name, in the save prompt (s)")
        state.notice = nil
        #expect(state.state == before)
        // Nor while a question waits for y or n.
        state.press(.character("q"))
        #expect(state.prompt == .confirmQuit)
        #expect(state.update(.paste("y")) == nil)
        #expect(state.prompt == .confirmQuit)
    }
}
