import LeNet5
import Screen

/// Teach mode's panel, where the network panel is while drawing: the examples folder's classes,
/// each with its count and its latest drawings as thumbnails; one drawing large (reviewing); or
/// what teaching measured. Under them the layers kept, the network the views use, the teaching
/// run's progress, and the keys that work now.
struct TeachPanel: Widget {
    let folder: TeachFolder
    var page = TeachPage.examples
    var browsing = false
    var reviewing = false
    var pickedClass = 0
    var pickedExample = 0
    var freeze = TeachFreeze.c5
    var training: TeachProgress? = nil
    var taught: TaughtNetwork? = nil
    var showsTaught = false
    /// Why transfer did better or not, in words (the explanations' comparison sections).
    var words: [String] = []
    var focused = true

    /// Columns of a class's name in the list.
    static let nameLimit = 10

    func render(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let inner = buffer.frame(area, title: title, palette: palette, highlighted: focused)
        guard inner.width >= 20 && inner.height >= 6 else { return }
        let hintRow = Rect(x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, height: 1)
        writeHints(hints(arrows: palette.arrows), in: hintRow, into: &buffer)
        // The result's status is one line (its second would be empty): the words get the rows.
        let result = page == .result && taught != nil
        let statusTop = inner.maxY - (result ? 2 : 3)
        renderStatus(
            in: Rect(x: inner.x + 1, y: statusTop, width: inner.width - 2, height: result ? 1 : 2),
            into: &buffer, palette: palette)
        let body = Rect(
            x: inner.x + 1, y: inner.y, width: inner.width - 2,
            height: statusTop - inner.y - (result ? 0 : 1))
        guard body.height > 0 else { return }
        if page == .result, let taught {
            renderResult(taught, in: body, into: &buffer, palette: palette)
        } else if reviewing, browsing, let example = pickedFile {
            renderReview(example, in: body, into: &buffer, palette: palette)
        } else {
            renderExamples(in: body, into: &buffer, palette: palette)
        }
    }

    var title: String {
        if page == .result && taught != nil { return "Teach: what was learned" }
        if reviewing, browsing, let picked = pickedClassItem, pickedFile != nil {
            return "Teach: \(picked.name), drawing \(pickedExample + 1) of \(picked.examples.count)"
        }
        return "Teach: your examples"
    }

    var pickedClassItem: TeachClass? {
        folder.classes.indices.contains(pickedClass) ? folder.classes[pickedClass] : nil
    }

    var pickedFile: TeachExample? {
        guard let item = pickedClassItem, item.examples.indices.contains(pickedExample) else {
            return nil
        }
        return item.examples[pickedExample]
    }

    // MARK: The examples

    func renderExamples(in body: Rect, into buffer: inout CellBuffer, palette: Palette) {
        buffer.write(
            [("Folder ", .dim), (shortenedPath(folder.path, to: body.width - 7, palette), .plain)],
            x: body.x, y: body.y, clip: body)
        let list = Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2)
        guard list.height > 0 else { return }
        if let fault = folder.fault {
            buffer.write(wrap(fault, width: list.width), in: list, style: .bold)
            return
        }
        guard !folder.classes.isEmpty else {
            let text = WordsView.fitted(
                Self.introduction, width: list.width, height: list.height,
                ellipsis: palette.ellipsis)
            buffer.write(text, in: list, style: .dim)
            return
        }
        // Classes that do not all fit scroll with the picked one, a line under them saying how
        // many more there are.
        let count = folder.classes.count
        let fitting = list.height / Thumbnail.height
        let shown = max(1, count <= fitting ? count : (list.height - 1) / Thumbnail.height)
        let first = max(0, min(pickedClass - shown + 1, count - shown))
        let nameWidth = min(Self.nameLimit, folder.classes.map(\.name.count).max() ?? 1)
        // A marker and a space, the name, a space, the count in 3 columns, a space, thumbnails.
        let countEnd = list.x + 2 + nameWidth + 1 + 3
        let thumbnailsX = countEnd + 1
        let slots = max(0, (list.maxX - thumbnailsX + 1) / (Thumbnail.width + 1))
        for (row, index) in (first..<min(folder.classes.count, first + shown)).enumerated() {
            let item = folder.classes[index]
            let y = list.y + row * Thumbnail.height
            let picked = index == pickedClass
            let name = shortenedName(item.name, to: nameWidth, palette: palette)
                .padding(to: nameWidth)
            let style = picked ? Style(bold: true) : Style.plain
            buffer.write(
                (picked ? ">" : " ") + " " + name, x: list.x, y: y,
                style: picked && browsing ? Style(bold: true, reverse: true) : style, clip: list)
            let count = String(item.examples.count)
            buffer.write(
                count, x: countEnd - count.count, y: y,
                style: item.examples.count < TeachState.minimumPerClass ? .bold : .dim, clip: list)
            guard slots > 0 else { continue }
            // The latest drawings, or while browsing a run of them that holds the picked one.
            let last = picked && browsing ? max(pickedExample + 1, slots) : item.examples.count
            let start = max(0, min(last, item.examples.count) - slots)
            for (slot, k) in (start..<min(item.examples.count, start + slots)).enumerated() {
                Thumbnail(
                    drawing: item.examples[k].drawing,
                    highlighted: picked && browsing && k == pickedExample
                ).render(
                    in: Rect(
                        x: thumbnailsX + slot * (Thumbnail.width + 1), y: y,
                        width: Thumbnail.width, height: Thumbnail.height),
                    into: &buffer, palette: palette)
            }
        }
        if shown < count {
            let (above, below) = (first, count - first - shown)
            var parts = [String]()
            if above > 0 { parts.append("\(above) more above") }
            if below > 0 { parts.append("\(below) more below") }
            buffer.write(
                parts.joined(separator: ", ")
                    + " (o, then \(palette.arrows.up)\(palette.arrows.down))",
                x: list.x, y: list.y + shown * Thumbnail.height, style: .dim, clip: list)
        }
    }

    /// What teach mode is, for a folder with no classes yet.
    static let introduction = [
        "Teach the network new classes from a few drawings of your own.",
        "Draw, then press a digit key (0-9) if it is a digit, or = to name a class of your "
            + "own: plus, star, alpha. Each drawing is saved at once.",
        "With at least two classes of two drawings or more, R teaches the network.",
    ]

    /// The picked drawing large, with the file it is in.
    func renderReview(
        _ example: TeachExample, in body: Rect, into buffer: inout CellBuffer, palette: Palette
    ) {
        guard let drawing = example.drawing, let canvas = Canvas(drawing) else {
            buffer.write(
                wrap("\(example.file) is not a drawing the sketchpad can read.", width: body.width),
                in: body, style: .bold)
            return
        }
        let resolution: CanvasView.Resolution =
            body.height >= CanvasView.Resolution.halfBlocks.framed.height + 1
                && body.width >= CanvasView.Resolution.halfBlocks.framed.width
            ? .halfBlocks : .braille
        let size = resolution.framed
        CanvasView(
            canvas: canvas, cursor: nil, eraser: false, focused: false, resolution: resolution,
            title: "Drawing"
        ).render(
            in: Rect(x: body.x, y: body.y, width: size.width, height: size.height), into: &buffer,
            palette: palette)
        let below = body.y + size.height
        if below < body.maxY {
            buffer.write(
                shortenedPath(example.file, to: body.width, palette), x: body.x, y: below,
                style: .dim, clip: body)
        }
    }

    // MARK: What was learned

    /// The rows the result page takes at `width` columns, its frame included, with all its words:
    /// what is left of a taller place can show the prediction's bars.
    func resultHeight(width: Int) -> Int {
        guard let taught else { return 0 }
        let body = width - 4
        let comparison = taught.comparison == nil ? 0 : 4
        // The two lines on top and a blank; the comparison and a blank; the words; the status,
        // the keys and the frame.
        return 3 + comparison + WordsView.lines(words, width: body).count + 4
    }

    func renderResult(
        _ taught: TaughtNetwork, in body: Rect, into buffer: inout CellBuffer, palette: Palette
    ) {
        var y = body.y
        let count = taught.classes.count
        buffer.writeShortening(
            "Taught \(count) classes from \(taught.examples) drawings in "
                + "\(fixed(Float(taught.seconds), 1)) s", x: body.x, y: y, style: .bold,
            clip: body, palette: palette)
        y += 1
        buffer.writeShortening(
            "As drawn, it reads \(percentWords(taught.trainAccuracy)) of them right.", x: body.x,
            y: y, clip: body, palette: palette)
        y += 2
        if let comparison = taught.comparison, y + 3 <= body.maxY {
            buffer.writeShortening(
                "Tested on drawings it did not learn from:", x: body.x, y: y, style: .bold,
                clip: body, palette: palette)
            y += 1
            let rows = [
                ("from the original network", comparison.transferCorrect, true),
                ("from random numbers", comparison.scratchCorrect, false),
            ]
            let label = rows.map(\.0.count).max() ?? 0
            let numbers = " \(comparison.total) of \(comparison.total)".count
            let width = max(4, body.width - label - numbers - 3)
            for (name, correct, best) in rows {
                let share = Float(correct) / Float(max(1, comparison.total))
                let eighths = PredictionView.eighths(share, of: width)
                var bar = ""
                for column in 0..<width {
                    bar.unicodeScalars.append(
                        palette.barSegment(eighths: eighths - column * 8, vertical: false))
                }
                let barStyle =
                    best && palette.options.colors != .none
                    ? Style(foreground: .green, bold: true) : Style.plain
                buffer.write(
                    [
                        (name.padding(to: label), .plain), (" ", .plain),
                        (String(palette.vertical), .dim), (bar, barStyle),
                        (String(palette.vertical), .dim),
                        (" \(correct) of \(comparison.total)", .plain),
                    ], x: body.x, y: y, clip: body)
                y += 1
            }
            y += 1
        }
        guard y < body.maxY else { return }
        WordsView(paragraphs: words).render(
            in: Rect(x: body.x, y: y, width: body.width, height: body.maxY - y), into: &buffer,
            palette: palette)
    }

    // MARK: The status and the keys

    func renderStatus(in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let network = taught == nil ? "original" : showsTaught ? "taught (O)" : "original (O)"
        buffer.writeShortening(
            "Keeps \(freeze.kept) (F)  Network: \(network)", x: area.x, y: area.y, clip: area,
            palette: palette)
        let line = Rect(x: area.x, y: area.y + 1, width: area.width, height: 1)
        if let training {
            let label = "Teaching \(Int((training.fraction * 100).rounded(.down)))% "
            let time = " \(fixed(Float(training.elapsed), 1)) s  R stops"
            let width = max(4, min(20, line.width - label.count - time.count - 2))
            let eighths = PredictionView.eighths(Float(training.fraction), of: width)
            var bar = ""
            for column in 0..<width {
                bar.unicodeScalars.append(
                    palette.barSegment(eighths: eighths - column * 8, vertical: false))
            }
            buffer.write(
                [
                    (label, .bold), (String(palette.vertical), .dim), (bar, .plain),
                    (String(palette.vertical), .dim), (time, .plain),
                ], x: line.x, y: line.y, clip: line)
        } else if page == .result && taught != nil {
            // The result above says it all.
        } else if let taught, let comparison = taught.comparison {
            // The taught network's score first; the one started from random numbers beside it.
            let total = Double(max(1, comparison.total))
            buffer.writeShortening(
                "Tested: \(percentWords(Double(comparison.transferCorrect) / total)) "
                    + "(from random: \(percentWords(Double(comparison.scratchCorrect) / total)))"
                    + "  y why", x: line.x, y: line.y, clip: line, palette: palette)
        } else if folder.unteachable == nil {
            buffer.writeShortening(
                "Ready: R teaches from these \(folder.exampleCount) drawings",
                x: line.x, y: line.y, style: .dim, clip: line, palette: palette)
        }
    }

    /// The keys that work now, most useful first.
    func hints(arrows a: (left: String, right: String, up: String, down: String)) -> [String] {
        if browsing {
            return reviewing
                ? ["\(a.left)\(a.right) drawing", "d delete", "Enter/Esc back"]
                : [
                    "\(a.up)\(a.down) class", "\(a.left)\(a.right) drawing", "Enter large",
                    "d delete", "Esc back",
                ]
        }
        if page == .result && taught != nil {
            return ["O original/taught", "E save", "Esc examples", "t layers"]
        }
        var hints = ["0-9 a digit", "= name a class"]
        if pickedClassItem != nil { hints.append("Enter again") }
        hints += [training == nil ? "R teach" : "R stop", "o review", "t layers"]
        return hints
    }

    func writeHints(_ hints: [String], in row: Rect, into buffer: inout CellBuffer) {
        var line = ""
        for hint in hints {
            let next = line.isEmpty ? hint : line + "  " + hint
            if next.count > row.width { break }
            line = next
        }
        buffer.write(line, x: row.x, y: row.y, style: .dim, clip: row)
    }

    /// A path in `width` columns: its end, where the names that matter are.
    func shortenedPath(_ path: String, to width: Int, _ palette: Palette) -> String {
        guard path.count > width, width > palette.ellipsis.count else { return path }
        return palette.ellipsis + path.suffix(width - palette.ellipsis.count)
    }

    /// "83%".
    func percentWords(_ share: Double) -> String { NumberText.percent(share, digits: 0) }
}

extension String {
    /// Padded with spaces to `width` characters (never cut).
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
