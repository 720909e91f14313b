import LeNet5
import Sketchpad

/// A handout as Markdown: the drawing, what made the answer and every layer's maps as the
/// sketchpad draws them without colour (two characters a value, the shades' characters), in code
/// blocks; the words as paragraphs.
struct MarkdownReport {
    let handout: Handout
    /// The drawing's file, as the text names it.
    let name: String

    /// The widest line of maps side by side in a code block.
    static let width = 120

    var document: String {
        let classes = handout.classes
        let digit = classes[handout.predicted]
        let ranked = handout.probabilities.indices.sorted {
            handout.probabilities[$0] > handout.probabilities[$1]
        }
        var text = "# How LeNet-5 reads \(inline(name))\n\n"
        text +=
            "It reads **\(digit)**, with a probability of "
            + percent(handout.probabilities[handout.predicted])
        if ranked.count > 1 {
            text +=
                "; next comes \(classes[ranked[1]]) (\(percent(handout.probabilities[ranked[1]])))"
        }
        text += ".\n\n"

        text += "## The drawing and what made it a \(digit)\n\n"
        text += "The drawing, 32 by 32 cells (`#` ink), and beside it each ink cell shaded by "
        text += "what erasing it does to the probability of \(digit): "
        text += "`\(String(Palette.positiveRamp.map(Character.init)))` it falls (`@` most), "
        text += "`\(String(Palette.negativeRamp.map(Character.init)))` it rises, `'` it hardly "
        text += "changes.\n\n"
        text += block(
            beside([handout.drawing.text, handout.saliency.text], labels: ["", ""], width: 130))
        text += paragraphs(handout.saliencyWords)

        text += "## The probability of each class\n\n"
        text += block(handout.bars)

        for layer in handout.layers {
            text += section(layer)
        }
        return text
    }

    func section(_ layer: Handout.Layer) -> String {
        let title =
            layer.name == "Input"
            ? "Input: the drawing after preprocessing, as the network sees it"
            : "\(layer.name): \(layer.role)"
        var text = "## \(title)\n\n"
        text += "*" + layer.facts.joined(separator: " · ") + "*\n\n"
        if layer.name == NetworkLayer.output.name {
            // Each class's name over its unit, as the panel labels them.
            let perRow = Handout.unitsPerRow
            var lines = [String]()
            for (row, units) in layer.maps.flatMap(\.text).enumerated() {
                let names = handout.classes.dropFirst(row * perRow).prefix(perRow)
                lines.append(
                    join([names.map { NumberText.left(String($0.prefix(2)), 2) }.joined()], 0))
                lines.append(units)
            }
            text += "One unit for each class, its name above it:\n\n" + block(lines)
        } else if layer.isUnitList {
            text += "Its units, \(Handout.unitsPerRow) to a row from the top left:\n\n"
            text += block(layer.maps.flatMap(\.text))
        } else if layer.maps.count == 1 {
            text += block(layer.maps[0].text)
        } else {
            text += "Its \(layer.maps.count) maps, numbered from 1:\n\n"
            text += block(
                beside(layer.maps.map(\.text), labels: layer.maps.indices.map { "\($0 + 1)" }))
        }
        let signed = layer.maps.first?.signed ?? false
        let shades =
            signed
            ? String(Palette.negativeRamp.reversed().map(Character.init)) + " 0 "
                + String(Palette.positiveRamp.map(Character.init))
            : String(Palette.ramp.map(Character.init))
        text += "Shades: \(layer.legend.low) `\(shades)` \(layer.legend.high)\n\n"
        if !layer.strongest.isEmpty {
            text += "| strongest unit | value | before tanh |\n| ---: | ---: | ---: |\n"
            for unit in layer.strongest {
                text +=
                    "| \(unit.number) | \(NumberText.fixed(unit.value, 2)) | "
                    + "\(NumberText.fixed(unit.before, 2)) |\n"
            }
            text += "\n"
        }
        let best = handout.classes[handout.predicted]
        if !layer.pushedUp.isEmpty || !layer.pushedDown.isEmpty {
            text += "The score of \(best) is F6's values times their weights, added up:\n\n"
            text += block(
                ["pushed it up most:"] + layer.pushedUp.map { "  " + $0.text }
                    + ["pushed it down most:"] + layer.pushedDown.map { "  " + $0.text })
        }
        return text + paragraphs(layer.words)
    }

    /// Pictures side by side, as many to a line as `width` holds, each under its label, two
    /// columns apart; rows of pictures a blank line apart.
    func beside(_ pictures: [[String]], labels: [String], width: Int = Self.width) -> [String] {
        guard let widest = pictures.map({ $0.map(\.count).max() ?? 0 }).max() else { return [] }
        let most = max(1, (width + 2) / (widest + 2))
        let rows = (pictures.count + most - 1) / most
        // Rows as even as the count allows, as the panel lays out maps.
        let perRow = (pictures.count + rows - 1) / rows
        var lines = [String]()
        for first in stride(from: 0, to: pictures.count, by: perRow) {
            let group = first..<min(pictures.count, first + perRow)
            if !lines.isEmpty { lines.append("") }
            if labels[group].contains(where: { !$0.isEmpty }) {
                lines.append(join(group.map { labels[$0] }, widest))
            }
            let height = group.map { pictures[$0].count }.max() ?? 0
            for y in 0..<height {
                lines.append(
                    join(group.map { y < pictures[$0].count ? pictures[$0][y] : "" }, widest))
            }
        }
        return lines
    }

    func join(_ parts: [String], _ width: Int) -> String {
        let padded = parts.map { $0 + String(repeating: " ", count: max(0, width - $0.count)) }
        return String(padded.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
    }

    /// Lines in a code block, without the blanks at their ends.
    func block(_ lines: [String]) -> String {
        let trimmed = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        return "```text\n" + trimmed.joined(separator: "\n") + "\n```\n\n"
    }

    func paragraphs(_ words: [String]) -> String {
        words.map { $0 + "\n\n" }.joined()
    }

    /// A name as inline code, with a fence longer than any run of backticks in it.
    func inline(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return fence + (text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text) + fence
    }

    func percent(_ p: Float) -> String { NumberText.percent(Double(p), digits: 1) }
}
