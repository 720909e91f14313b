import LeNet5
import Teaching

extension LessonStep {
    /// The facts of `canvas` this step's text can name, as the network in `classifier` reads it
    /// (through the preprocessing or not, as `preprocessing` says, by default as the step sets
    /// it), with `classes` its classes' names. Worked out by the sketchpad's own `FactSheet`, so a
    /// placeholder means the same in a lesson and in the explanations. What the drawing does not
    /// give (no ink: no reading, no box) is left out, and so is the paragraph that names it
    /// (`Explanation.text`); what the step points at or asks for is known without a drawing.
    public func facts(
        of canvas: Bitmap, classifier: Classifier, classes: [String], preprocessing: Bool? = nil
    ) -> FactSheet {
        let preprocess = preprocessing ?? self.preprocessing
        var sheet = pointedFacts(classes: classes).merging(FactSheet.network(classes: classes))
        let other = classifier.reading(of: canvas, preprocess: !preprocess)?.probabilities
        let trace = ForwardTrace()
        guard let prepared = try? PreparedDrawing(canvas, preprocess: preprocess) else {
            return sheet.merging(
                FactSheet.readings(
                    raw: preprocess ? other : nil, preprocessed: preprocess ? nil : other,
                    classes: classes))
        }
        let model = classifier.model
        classifier.forward(prepared.input, into: trace)
        let probabilities = trace.probabilities
        sheet = sheet.merging(
            FactSheet.drawing(prepared, trace: trace, model: model, classes: classes))
        // A step with the preprocessing off still says what it would do with the drawing.
        if !preprocess, let placement = Preprocessing.transform(for: canvas) {
            sheet = sheet.merging(FactSheet.placement(placement))
        }
        sheet = sheet.merging(
            FactSheet.readings(
                raw: preprocess ? other : probabilities,
                preprocessed: preprocess ? probabilities : other, classes: classes))
        if let awaited {
            sheet = sheet.merging(
                FactSheet.awaited(awaited.index, probabilities: probabilities, classes: classes))
        }
        if let layer = target?.layer {
            if let map = target?.map {
                sheet = sheet.merging(FactSheet.map(map, of: layer, trace: trace))
            }
            if let saturation = Saturation(layer, trace: trace) {
                sheet = sheet.merging(FactSheet.saturation(saturation))
            }
        }
        if case .unit(let unit) = target {
            sheet = sheet.merging(
                FactSheet.unit(
                    UnitExplanation(unit, trace: trace, model: model, transform: prepared.transform)
                ))
        }
        if target == .saliency,
            let saliency = try? classifier.saliency(of: prepared, method: .occlusion)
        {
            sheet = sheet.merging(FactSheet.saliency(saliency))
        }
        return sheet
    }

    /// What the step points at and asks for, known whatever is drawn.
    func pointedFacts(classes: [String]) -> FactSheet {
        var sheet = FactSheet()
        if let awaited {
            sheet = FactSheet.awaited(awaited.index, probabilities: nil, classes: classes)
        }
        if let layer = target?.layer {
            sheet[.layer] = layer.name
            sheet[.maps] = "\(layer == .output ? classes.count : layer.geometry.maps)"
        }
        if let map = target?.map { sheet[.map] = "\(map + 1)" }
        if case .unit(let unit) = target { sheet[.unit] = FactSheet.name(unit) }
        return sheet
    }
}
