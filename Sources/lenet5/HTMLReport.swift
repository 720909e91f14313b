import LeNet5
import Screen
import Sketchpad

/// A handout as one HTML page that needs nothing else: the maps as coloured cells in the
/// sketchpad's colours, its CSS inline, no scripts, nothing fetched. The cells are squares of
/// inline SVG, filled rather than given a background, so that they print in colour whatever the
/// browser does with backgrounds. Printed, each figure stays whole on a page and each heading
/// stays with what follows it.
struct HTMLReport {
    let handout: Handout
    /// The drawing's file, as the page names it.
    let name: String

    /// The CSS classes of the colours the cells use, by class name, gathered as the body is built.
    final class Colors {
        var used = [String: String]()
    }

    var document: String {
        let colors = Colors()
        let body = self.body(colors)
        let style =
            Self.style
            + colors.used.keys.sorted().map { ".\($0){fill:\(colors.used[$0] ?? "")}" }
            .joined(separator: "\n")
        let digit = handout.classes[handout.predicted]
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>How LeNet-5 reads \(escaped(name)): \(escaped(digit))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    static let style = """
        body{font-family:system-ui,sans-serif;color:#222;max-width:58em;margin:1em auto;\
        padding:0 1em;line-height:1.4}
        h1{font-size:1.6em;margin-bottom:.2em}
        h2{font-size:1.25em;border-bottom:1px solid #bbb;margin-top:1.6em;break-after:avoid}
        .facts{color:#555;font-size:.9em}
        .figures{display:flex;flex-wrap:wrap;align-items:flex-start}
        figure{margin:0 14px 10px 0;break-inside:avoid;display:table}
        figcaption{display:table-caption;caption-side:bottom;font-size:.8em;color:#555;\
        text-align:center}
        svg.cells{display:block;border:1px solid #999;shape-rendering:crispEdges}
        svg.legend,svg.swatch{vertical-align:middle;border:1px solid #999;\
        shape-rendering:crispEdges}
        svg.swatch{margin-right:.4em}
        table.bars{border-collapse:collapse;break-inside:avoid}
        table.bars th{text-align:right;padding:1px .5em;font-weight:normal}
        table.bars td{padding:1px .3em}
        table.bars .best{font-weight:bold}
        svg.bar{display:block;border:1px solid #ccc}
        .track,.paper{fill:#fff}
        .bar{fill:#8a8a8a}
        .best .bar{fill:#00af00}
        table.units{border-collapse:collapse;break-inside:avoid}
        table.units th,table.units td{padding:1px .6em;text-align:right}
        ul.pushes{list-style:none;padding-left:0;font-family:ui-monospace,monospace;\
        font-size:.9em;break-inside:avoid}
        @page{margin:1.5cm}

        """

    /// The width of a bar at 100%, in pixels.
    static let barWidth = 240

    func body(_ colors: Colors) -> String {
        let classes = handout.classes
        let digit = classes[handout.predicted]
        let ranked = handout.probabilities.indices.sorted {
            handout.probabilities[$0] > handout.probabilities[$1]
        }
        var html = "<h1>How LeNet-5 reads \(escaped(name))</h1>\n"
        var answer =
            "<p>It reads <strong>\(escaped(digit))</strong>, with a probability of "
            + percent(handout.probabilities[handout.predicted])
        if ranked.count > 1 {
            answer +=
                "; next comes \(escaped(classes[ranked[1]])) "
                + "(\(percent(handout.probabilities[ranked[1]])))"
        }
        html += answer + ".</p>\n"

        // The drawing, and what made the answer.
        html += "<section id=\"drawing\">\n<h2>The drawing and what made it a "
        html += "\(escaped(digit))</h2>\n<div class=\"figures\">\n"
        html += figure(
            handout.drawing, caption: "the drawing, 32 by 32 cells", colors: colors, paper: true)
        let method = handout.saliencyMethod == .occlusion ? "erasing each cell" : "the gradient"
        html += figure(
            handout.saliency,
            caption: "what made it a \(digit) (by \(method)): orange for, blue against",
            colors: colors, paper: false)
        html += "</div>\n" + paragraphs(handout.saliencyWords) + "</section>\n"

        // The answer.
        html += "<section id=\"probabilities\">\n<h2>The probability of each class</h2>\n"
        html += "<table class=\"bars\">\n"
        for k in classes.indices {
            let p = handout.probabilities[k]
            let width = NumberText.fixed(Double(max(0, min(1, p))) * Double(Self.barWidth), 1)
            html +=
                "<tr\(k == handout.predicted ? " class=\"best\"" : "")><th>"
                + "\(escaped(classes[k]))</th><td><svg class=\"bar\" width=\"\(Self.barWidth)\" "
                + "height=\"12\" role=\"img\" aria-label=\"\(percent(p))\">"
                + "<rect class=\"track\" width=\"\(Self.barWidth)\" height=\"12\"/>"
                + "<rect class=\"bar\" width=\"\(width)\" height=\"12\"/></svg></td>"
                + "<td>\(percent(p))</td></tr>\n"
        }
        html += "</table>\n</section>\n"

        for layer in handout.layers {
            html += section(layer, colors: colors)
        }
        return html
    }

    /// A layer: its header, maps, legend, strongest units or pushes, words.
    func section(_ layer: Handout.Layer, colors: Colors) -> String {
        let title =
            layer.name == "Input"
            ? "Input: the drawing after preprocessing, as the network sees it"
            : "\(layer.name): \(layer.role)"
        var html = "<section id=\"layer-\(layer.name.lowercased())\">\n"
        html += "<h2>\(escaped(title))</h2>\n"
        html +=
            "<p class=\"facts\">\(layer.facts.map(escaped).joined(separator: " &middot; "))</p>\n"
        html += "<div class=\"figures\">\n"
        for (index, map) in layer.maps.enumerated() {
            let caption: String
            if layer.name == NetworkLayer.output.name {
                caption = "one for each class, in order: " + handout.classes.joined(separator: " ")
            } else if layer.isUnitList {
                caption = "\(map.width) to a row, from the top left"
            } else if layer.maps.count == 1 {
                caption = "\(map.width) by \(map.height)"
            } else {
                caption = "map \(index + 1)" + (index == layer.wordsMap ? " (the words' map)" : "")
            }
            html += figure(map, caption: caption, colors: colors, paper: !map.signed)
        }
        html += "</div>\n"
        html += legend(layer, colors: colors)
        if !layer.strongest.isEmpty {
            html += "<table class=\"units\">\n<tr><th>strongest units</th><th>value</th>"
            html += "<th>before tanh</th></tr>\n"
            for unit in layer.strongest {
                html +=
                    "<tr><td>unit \(unit.number)</td><td>\(NumberText.fixed(unit.value, 2))</td>"
                    + "<td>\(NumberText.fixed(unit.before, 2))</td></tr>\n"
            }
            html += "</table>\n"
        }
        for (heading, pushes) in [
            ("pushed the score of \(handout.classes[handout.predicted]) up most", layer.pushedUp),
            ("pushed it down most", layer.pushedDown),
        ] where !pushes.isEmpty {
            html += "<p class=\"facts\">\(escaped(heading)): F6 value x weight</p>\n"
            html += "<ul class=\"pushes\">\n"
            for push in pushes {
                html += "<li>" + swatch(push.color, colors) + escaped(push.text) + "</li>\n"
            }
            html += "</ul>\n"
        }
        return html + paragraphs(layer.words) + "</section>\n"
    }

    /// The shades' key: the colours from one end of the scale to the other.
    func legend(_ layer: Handout.Layer, colors: Colors) -> String {
        let signed = layer.maps.first?.signed ?? false
        let levels: [Float] =
            signed ? (-9...9).map { Float($0) / 9 } : (0...9).map { Float($0) / 9 }
        var html = "<p class=\"facts\">shades: \(escaped(layer.legend.low)) "
        html +=
            "<svg class=\"legend\" width=\"\(12 * levels.count)\" height=\"12\" "
            + "viewBox=\"0 0 \(levels.count) 1\" preserveAspectRatio=\"none\" role=\"img\" "
            + "aria-label=\"from \(escaped(layer.legend.low)) to \(escaped(layer.legend.high))\">"
        for (x, level) in levels.enumerated() {
            let name = colorClass(Handout.color(level, signed: signed), paper: !signed, colors)
            html += rect(x: x, y: 0, width: 1, name: name.isEmpty ? "paper" : name)
        }
        return html + "</svg> \(escaped(layer.legend.high))</p>\n"
    }

    /// A small square of a colour, before a line of text.
    func swatch(_ color: Color?, _ colors: Colors) -> String {
        let name = colorClass(color, paper: false, colors)
        return "<svg class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 1 1\" "
            + "aria-hidden=\"true\">"
            + rect(x: 0, y: 0, width: 1, name: name.isEmpty ? "paper" : name)
            + "</svg>"
    }

    /// A picture as squares of its colours, a run of one colour along a row as one rectangle, on
    /// white. `paper`: greys shown dark on white, as ink on paper, where the terminal shows them
    /// light on dark.
    func figure(_ picture: Handout.Picture, caption: String, colors: Colors, paper: Bool)
        -> String
    {
        let cell = max(5, min(14, 168 / picture.width))
        var html =
            "<figure>\n<svg class=\"cells\" width=\"\(cell * picture.width)\" "
            + "height=\"\(cell * picture.height)\" viewBox=\"0 0 \(picture.width) "
            + "\(picture.height)\" role=\"img\" aria-label=\"\(escaped(caption))\">\n"
            + "<rect class=\"paper\" width=\"\(picture.width)\" height=\"\(picture.height)\"/>\n"
        for y in 0..<picture.height {
            var x = 0
            while x < picture.width {
                let name = colorClass(picture.color(x: x, y: y), paper: paper, colors)
                var end = x + 1
                while end < picture.width,
                    colorClass(picture.color(x: end, y: y), paper: paper, colors) == name
                {
                    end += 1
                }
                if !name.isEmpty { html += rect(x: x, y: y, width: end - x, name: name) }
                x = end
            }
        }
        return html + "\n</svg>\n<figcaption>\(escaped(caption))</figcaption>\n</figure>\n"
    }

    func rect(x: Int, y: Int, width: Int, name: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"1\" class=\"\(name)\"/>"
    }

    /// The CSS class of a colour, recorded for the style sheet; empty for none (white paper).
    func colorClass(_ color: Color?, paper: Bool, _ colors: Colors) -> String {
        guard let color, case .indexed(let index) = color, let rgb = color.rgb else { return "" }
        // A grey, dark where the terminal shows it light: the greys run from 8 to 238.
        let inverted = paper && index >= 232
        let name = (inverted ? "p" : "c") + "\(index)"
        let (r, g, b) = inverted ? (246 - rgb.red, 246 - rgb.green, 246 - rgb.blue) : rgb
        colors.used[name] = "#" + [r, g, b].map(hex).joined()
        return name
    }

    func hex(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value / 16)], digits[Int(value % 16)]])
    }

    func paragraphs(_ words: [String]) -> String {
        words.map { "<p>\(escaped($0))</p>\n" }.joined()
    }

    func percent(_ p: Float) -> String { NumberText.percent(Double(p), digits: 1) }
}

/// `text` with the characters HTML gives a meaning written as references.
func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
