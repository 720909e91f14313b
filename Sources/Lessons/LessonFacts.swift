import LeNet5

extension LessonStep {
    /// The numbers of `canvas` this step's text can name, as the network in `classifier` reads it,
    /// with `classes` its classes' names. A fact the drawing does not give (no ink: no reading, no
    /// box; no runner-up for a network of one class) is left out, and so is the paragraph naming it
    /// (`LessonText.paragraphs(filledWith:)`).
    public func facts(of canvas: Bitmap, classifier: Classifier, classes: [String])
        -> [LessonFact: String]
    {
        var facts = [LessonFact: String]()
        func name(_ index: Int) -> String { index < classes.count ? classes[index] : "\(index)" }
        func percent(_ p: Float) -> String { NumberText.percent(Double(p), digits: 1) }

        let trace = ForwardTrace()
        let reading = classifier.reading(of: canvas, preprocess: preprocessing, trace: trace)
        if let reading {
            let ranked = reading.ranked
            facts[.best] = name(ranked[0])
            facts[.bestPercent] = percent(reading.probabilities[ranked[0]])
            if ranked.count > 1 {
                facts[.second] = name(ranked[1])
                facts[.secondPercent] = percent(reading.probabilities[ranked[1]])
            }
            if let awaited {
                facts[.targetPercent] = percent(reading.probabilities[awaited.index])
            }
        }
        if let awaited { facts[.target] = awaited.name }
        let other = classifier.reading(of: canvas, preprocess: !preprocessing)
        let both: [(Reading?, LessonFact, LessonFact)] = [
            (preprocessing ? reading : other, .preprocessedBest, .preprocessedBestPercent),
            (preprocessing ? other : reading, .rawBest, .rawBestPercent),
        ]
        for (r, best, bestPercent) in both {
            guard let r else { continue }
            facts[best] = name(r.best)
            facts[bestPercent] = percent(r.probabilities[r.best])
        }

        if let box = canvas.inkBounds {
            facts[.inkCells] = String(
                canvas.pixels.filter { $0 > Preprocessing.inkThreshold }.count)
            facts[.boxWidth] = String(box.width)
            facts[.boxHeight] = String(box.height)
            let scale = Preprocessing.boxSide / Float(max(box.width, box.height))
            facts[.scaled] =
                scale > 1.05
                ? "enlarged \(NumberText.fixed(Double(scale), 1)) times"
                : scale < 0.95
                    ? "shrunk to \(NumberText.percent(Double(scale), digits: 0)) of its size"
                    : "kept at its size"
        }

        if let layer = target?.layer { facts[.layer] = layer.name }
        if let map = target?.map {
            facts[.map] = String(map + 1)
            if reading != nil, let layer = target?.layer,
                let strongest = trace.strongestUnit(of: layer, map: map)
            {
                facts[.row] = String(strongest.y + 1)
                facts[.column] = String(strongest.x + 1)
                facts[.strongest] = NumberText.fixed(Double(trace.value(of: strongest)), 2)
            }
        }
        if case .unit(let unit) = target, reading != nil {
            facts[.value] = NumberText.fixed(Double(trace.value(of: unit)), 2)
        }
        return facts
    }
}
