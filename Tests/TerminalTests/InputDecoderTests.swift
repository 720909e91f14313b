import Screen
import Testing

@testable import Terminal

/// Raw input as a terminal sends it, decoded without a terminal.
@Suite struct InputDecoderTests {
    let decoder = InputDecoder(
        codes: KeyCodes(
            up: 1001, down: 1002, left: 1003, right: 1004, backTab: 1005, enter: 1006,
            backspace: 1007, delete: 1008))

    /// Decodes all of `text`, returning the events in order.
    func events(_ text: String) -> [Event] {
        var queue = text.unicodeScalars.map { RawInput.character($0.value) }
        var result = [Event]()
        while !queue.isEmpty {
            let first = queue.removeFirst()
            let event = decoder.decode(
                first, next: { _ in queue.isEmpty ? nil : queue.removeFirst() },
                unread: { queue.insert($0, at: 0) })
            if let event { result.append(event) }
        }
        return result
    }

    func mouse(_ button: MouseEvent.Button, _ action: MouseEvent.Action, _ x: Int, _ y: Int)
        -> Event
    {
        .mouse(MouseEvent(button: button, action: action, x: x, y: y))
    }

    @Test func sgrMouseReports() {
        #expect(events("\u{1B}[<0;12;5M") == [mouse(.left, .press, 11, 4)])
        #expect(events("\u{1B}[<32;13;6M") == [mouse(.left, .drag, 12, 5)])
        #expect(events("\u{1B}[<0;13;6m") == [mouse(.left, .release, 12, 5)])
        #expect(
            events("\u{1B}[<2;1;1M\u{1B}[<34;2;1M") == [
                mouse(.right, .press, 0, 0), mouse(.right, .drag, 1, 0),
            ])
        #expect(events("\u{1B}[<35;40;20M") == [mouse(.none, .move, 39, 19)])
        // The wheel is ignored; a report cut short is dropped, and what follows still decodes.
        #expect(events("\u{1B}[<64;5;5Mq") == [.key(.character("q"))])
        #expect(events("\u{1B}[<0;5x") == [])
        #expect(events("\u{1B}[<0;0;5M") == [])
    }

    @Test func escapeAloneAndFollowedByAKey() {
        #expect(events("\u{1B}") == [.key(.escape)])
        #expect(events("\u{1B}\t") == [.key(.escape), .key(.tab)])
        #expect(events("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
    }

    @Test func csiKeysAndUnknownSequences() {
        #expect(
            events("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[Z") == [
                .key(.up), .key(.down), .key(.right), .key(.left), .key(.backTab),
            ])
        #expect(events("\u{1B}[15~x") == [.key(.character("x"))])
    }

    @Test func controlKeysAndCharacters() {
        #expect(
            events("\u{03}\u{1A}\u{12}\t\r\n\u{7F}é") == [
                .key(.control("c")), .key(.control("z")), .key(.control("r")), .key(.tab),
                .key(.enter), .key(.enter),
                .key(.backspace), .key(.character("é")),
            ])
    }

    @Test func keyCodesFromNcurses() {
        let codes: [(Int32, Key)] = [
            (1001, .up), (1002, .down), (1003, .left), (1004, .right), (1005, .backTab),
            (1006, .enter), (1007, .backspace), (1008, .delete),
        ]
        for (code, key) in codes {
            #expect(
                decoder.decode(.keyCode(code), next: { _ in nil }, unread: { _ in }) == .key(key))
        }
        #expect(decoder.decode(.keyCode(4242), next: { _ in nil }, unread: { _ in }) == nil)
    }
}

/// Bracketed paste: ESC [ 200 ~ text ESC [ 201 ~ is one event, whatever the text holds.
@Suite struct PasteDecoderTests {
    let decoder = InputDecoderTests().decoder

    func events(_ text: String) -> [Event] { InputDecoderTests().events(text) }

    @Test func aPasteIsOneEventAndWhatFollowsIsKeys() {
        #expect(
            events("\u{1B}[200~seven.txt\u{1B}[201~q") == [
                .paste("seven.txt"), .key(.character("q")),
            ])
        #expect(
            events("\u{1B}[200~a\rb\u{1B}[Ac\u{1B}[20\u{1B}[201~") == [
                .paste("a\rb\u{1B}[Ac\u{1B}[20")
            ])
        #expect(events("\u{1B}[200~\u{1B}[201~") == [.paste("")])
    }

    @Test func aPasteCutShortEndsWhereTheInputStops() {
        #expect(events("\u{1B}[200~abc") == [.paste("abc")])
        #expect(events("\u{1B}[200~abcdefgh\u{1B}[2") == [.paste("abcdefgh\u{1B}[2")])
    }

    @Test func aHugePasteIsOneEventCutAtTheLimit() {
        let huge = String(repeating: "0123456789", count: 10_000)
        let decoded = events("\u{1B}[200~" + huge + "\u{1B}[201~x")
        #expect(decoded.count == 2 && decoded.last == .key(.character("x")))
        guard case .paste(let text)? = decoded.first else {
            Issue.record("no paste")
            return
        }
        #expect(text == String(huge.prefix(InputDecoder.pasteLimit)))
    }

    @Test func keyCodesInsideAPasteBecomeEscape() {
        var queue: [RawInput] =
            "\u{1B}[200~a".unicodeScalars.map { .character($0.value) } + [.keyCode(1001)]
            + "\u{1B}[201~".unicodeScalars.map { .character($0.value) }
        let first = queue.removeFirst()
        let event = decoder.decode(
            first, next: { _ in queue.isEmpty ? nil : queue.removeFirst() },
            unread: { queue.insert($0, at: 0) })
        #expect(event == .paste("a\u{1B}"))
    }

    @Test func otherNumberedSequencesAreStillIgnored() {
        #expect(
            events("\u{1B}[201~x\u{1B}[15;2~y") == [.key(.character("x")), .key(.character("y"))])
    }
}

@Suite struct ScreenOutputTests {
    /// A control character in a cell would move the terminal's cursor, a wide one shift the
    /// line: either is written as "?".
    @Test func onlyCharactersOfOneColumnAreWritten() {
        let columns: (Unicode.Scalar) -> Int32 = { $0 == "字" ? 2 : ($0 == "\u{301}" ? 0 : 1) }
        for value: UInt32 in [0, 9, 10, 13, 27, 0x7F, 0x85, 0x9B] {
            let character = Unicode.Scalar(value) ?? "x"
            #expect(TerminalSession.printable(character, columns: columns) == "?", "\(value)")
        }
        for character: Unicode.Scalar in ["a", " ", "~", "é", "\u{2588}"] {
            #expect(TerminalSession.printable(character, columns: columns) == character)
        }
        #expect(TerminalSession.printable("字", columns: columns) == "?")
        #expect(TerminalSession.printable("\u{301}", columns: columns) == "?")
    }
}
