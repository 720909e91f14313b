import LeNet5

extension Lesson {
    /// The canvas of each step, as the lesson sets it up starting from a blank canvas: after the
    /// step's setup, or nil where the canvas holds what the reader drew (`canvasIsReaders`).
    public var canvases: [Bitmap?] {
        let side = Preprocessing.inputSide
        var canvas = Bitmap(width: side, height: side)
        return steps.map { step in
            for action in step.setup { canvas = action.applied(to: canvas) }
            return step.canvasIsReaders ? nil : canvas
        }
    }

    /// Checks every @expect against `classifier`: the first claim the weights do not bear out is
    /// thrown, naming its line.
    public func check(with classifier: Classifier, classes: [String]) throws(LessonError) {
        let trace = ForwardTrace()
        for (step, canvas) in zip(steps, canvases) {
            guard let canvas, !step.expectations.isEmpty else { continue }
            let reading = classifier.reading(
                of: canvas, preprocess: step.preprocessing, trace: trace)
            for expectation in step.expectations {
                if let found = Self.contradiction(expectation.claim, reading, trace, classes) {
                    throw .expectationFailed(
                        path: path, line: expectation.line,
                        expected: Self.describe(expectation.claim), found: found)
                }
            }
        }
    }

    /// What the drawing shows instead of `claim`, or nil if the claim holds.
    static func contradiction(
        _ claim: Expectation.Claim, _ reading: Reading?, _ trace: ForwardTrace, _ classes: [String]
    ) -> String? {
        guard let reading else { return "the canvas has no ink to read" }
        switch claim {
        case .reads(let expected, let atLeast):
            let best = reading.best
            let p = reading.probabilities[best]
            let name = best < classes.count ? classes[best] : String(best)
            if best != expected.index {
                return "it reads \(name) (\(NumberText.percent(Double(p), digits: 1)))"
            }
            if let atLeast, p < atLeast {
                return "it reads \(name) with only \(NumberText.percent(Double(p), digits: 1))"
            }
            return nil
        case .value(let target, let above, let value):
            let found: Float
            switch target {
            case .unit(let unit): found = trace.value(of: unit)
            case .map(let layer, let map):
                let range = trace.maps(layer.traced).range(channel: map)
                found = above ? range.upperBound : range.lowerBound
            default: return nil
            }
            let holds = above ? found > value : found < value
            if holds { return nil }
            let what =
                if case .map = target { above ? "its largest value" : "its smallest value" } else {
                    "its value"
                }
            return "\(what) is \(NumberText.fixed(Double(found), 2))"
        }
    }

    static func describe(_ claim: Expectation.Claim) -> String {
        switch claim {
        case .reads(let expected, let atLeast):
            "the drawing to read as \(expected.name)"
                + (atLeast.map { " with at least \(NumberText.percent(Double($0), digits: 0))" }
                    ?? "")
        case .value(let target, let above, let value):
            if case .map = target {
                "some value of \(target) \(above ? "above" : "below") \(NumberText.fixed(Double(value), 2))"
            } else {
                "\(target) \(above ? "above" : "below") \(NumberText.fixed(Double(value), 2))"
            }
        }
    }
}
