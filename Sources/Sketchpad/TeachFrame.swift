import LeNet5
import Screen
import Teaching

extension SketchpadState {
    /// The teach panel takes the network panel's place while teach mode is open and the keys
    /// draw (exploring the layers shows them again; Esc comes back).
    public var teachPanelShown: Bool {
        teach.open && focus == .canvas && !networkFullScreen
    }

    /// What teaching measured, with its explanation, needs more room than the panel has beside
    /// the compact canvas: there it takes the whole screen, as `f` gives it to the network, until
    /// Esc (or a key that labels a drawing) brings the canvas back.
    var teachResultOnWholeScreen: Bool {
        teachPanelShown && teach.page == .result && teach.taught != nil && !teach.browsing
            && Layout(width: width, height: height).mode == .compact
    }

    /// The teach panel, from teach mode's state.
    func teachPanel(_ explanations: Explanations) -> TeachPanel {
        TeachPanel(
            folder: teach.folder, page: teach.page, browsing: teach.browsing,
            reviewing: teach.reviewing, pickedClass: teach.pickedClass,
            pickedExample: teach.pickedExample, freeze: teach.freeze, training: teach.training,
            taught: teach.taught, showsTaught: teach.showsTaught,
            words: showExplanations ? comparisonWords(explanations) : [], focused: true)
    }

    /// What teaching measured, in the explanations' words.
    func comparisonWords(_ explanations: Explanations) -> [String] {
        guard let taught = teach.taught, let comparison = taught.comparison else { return [] }
        return explanations.comparison(
            FactSheet.comparison(
                folds: comparison.folds, total: comparison.total,
                transferCorrect: comparison.transferCorrect,
                scratchCorrect: comparison.scratchCorrect,
                learnedFrom: comparison.trainingExamples, kept: taught.freeze.rawValue))
    }

    /// The teaching run's progress for the status line, while the teach panel is not in view.
    var teachActivity: String? {
        teach.training.map { "Teaching \(Int(($0.fraction * 100).rounded(.down)))%" }
    }
}
