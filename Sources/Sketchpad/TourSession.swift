import LeNet5
import Lessons
import Screen
import Teaching

/// A lesson on offer in the sketchpad (T): one that opens, or one that does not, and why (a
/// built-in lesson whose claims the weights in use deny).
public struct LessonChoice: Equatable, Sendable {
    public let name: String
    public let title: String
    public let lesson: Lesson?
    /// Why the lesson cannot be opened.
    public let fault: String?

    public init(_ lesson: Lesson) {
        (name, title, self.lesson, fault) = (lesson.name, lesson.title, lesson, nil)
    }

    public init(name: String, title: String, fault: String) {
        (self.name, self.title, lesson, self.fault) = (name, title, nil, fault)
    }
}

/// A guided tour going on in the sketchpad: the lesson's steps (`Tour`, which sets up the canvas
/// for each), and the preprocessing as it was before, to give back when the reader leaves.
public struct TourSession: Equatable, Sendable {
    public internal(set) var tour: Tour
    let preprocessingBefore: Bool
    /// Whether the taught network read the drawing before (it is back when the tour ends).
    var taughtBefore = false

    public var step: LessonStep { tour.step }

    /// The rows the step's words need at `width` columns, as a box or as a band.
    func panelRows(width: Int, boxed: Bool) -> Int {
        TourPanel.rows(
            heading: TourPanel.heading(tour), text: step.text, width: width, boxed: boxed,
            waits: step.awaited != nil || tour.isAtLastStep)
    }
}

extension SketchpadState {
    /// The class the network reads the canvas as now, if the runtime has said (nil: not known,
    /// or no answer).
    var answeredClass: Int? {
        guard let answer, answer.canvas == canvas, answer.preprocessing == preprocessing else {
            return nil
        }
        return answer.classIndex
    }

    /// The message that tells `update` what the network reads the canvas as, when `derived` says
    /// something it does not know yet: the runtime sends it after deriving a frame.
    public func answerMessage(_ derived: Derived) -> Message? {
        // A test digit on screen (`lenet5 explore`) is not the canvas: nothing to say of it.
        guard shownTestDigit == nil else { return nil }
        let answer = NetworkAnswer(
            canvas: derived.canvas, preprocessing: derived.preprocessing,
            classIndex: derived.network.prediction?.digit)
        return answer == self.answer ? nil : .networkAnswered(answer)
    }

    /// Opens lesson `index` of `lessons` at its first step (leaving a tour going on).
    mutating func startTour(_ index: Int) {
        guard lessons.indices.contains(index) else { return }
        let choice = lessons[index]
        guard let lesson = choice.lesson else {
            notice = "\(choice.name) cannot be opened: \(choice.fault ?? "")"
            return
        }
        if tour != nil { leaveTour(saying: nil) }
        // The lessons speak of the digits and their numbers are the original network's: a taught
        // network gives way for the tour and comes back after it.
        let taughtBefore = teach.showsTaught
        if taughtBefore { show(taught: false) }
        var drawing = canvas.bitmap
        let started = Tour(lesson: lesson, canvas: &drawing)
        tour = TourSession(
            tour: started, preprocessingBefore: preprocessing, taughtBefore: taughtBefore)
        setCanvas(drawing)
        enterStep()
        notice = taughtBefore ? Self.tourReadsWithTheOriginal : nil
    }

    static let tourReadsWithTheOriginal =
        "The tour uses the original network; the taught one after it"

    /// What Space says at a step that waits for a drawing of `name` the network does not read yet.
    static func drawFirst(_ name: String) -> String {
        "Draw a \(name) first: the tour goes on when the network reads one"
    }

    /// Space or right: the next step, unless this one waits for a drawing or is the last.
    mutating func nextStep() {
        guard var session = tour else { return }
        if session.tour.isAtLastStep {
            notice = "The last step: Esc leaves the tour"
            return
        }
        if let awaited = session.step.awaited, answeredClass != awaited.index {
            notice = Self.drawFirst(awaited.name)
            return
        }
        var drawing = canvas.bitmap
        guard session.tour.next(canvas: &drawing, readingAs: answeredClass) else { return }
        tour = session
        setCanvas(drawing)
        enterStep()
    }

    /// Left or Backspace: the previous step, with the canvas as the reader left it.
    mutating func previousStep() {
        guard var session = tour else { return }
        var drawing = canvas.bitmap
        guard session.tour.previous(canvas: &drawing) else {
            notice = "This is the first step: Space goes on, Esc leaves the tour"
            return
        }
        tour = session
        setCanvas(drawing)
        enterStep()
    }

    /// Esc: the tour closed, the drawing kept (u brings back what was there before it) and the
    /// canvas in sight to draw on, the preprocessing as it was before the tour.
    mutating func leaveTour(
        saying: String? = "Left the tour: the drawing stays, u undoes its steps"
    ) {
        guard let session = tour else { return }
        tour = nil
        preprocessing = session.preprocessingBefore
        if session.taughtBefore { show(taught: true) }
        (saliencyShown, zoomed, watching, sweep) = (false, false, false, nil)
        (networkFullScreen, focus) = (false, .canvas)
        notice = saying
    }

    /// The canvas a step set up (or gave back), as an undoable step, named after the sample a
    /// step loaded.
    mutating func setCanvas(_ drawing: Bitmap) {
        guard let next = Canvas(drawing), next != canvas else { return }
        var label: String?
        if let step = tour?.step {
            for case .load(let name, _) in step.setup { label = name }
        }
        replaceCanvas(with: next, label: label)
    }

    /// Shows what the step points at: the canvas or the bars beside the canvas, the overlay on
    /// it, a layer's tab, a map picked among its layer's, one value of a map picked in the map
    /// enlarged beside its kernels, with the cells it looks at lit on the drawing. The network takes the whole screen where the panel beside the canvas has too
    /// little room; a step that asks for a drawing keeps the canvas in sight.
    mutating func enterStep() {
        guard let session = tour else { return }
        let step = session.step
        preprocessing = step.preprocessing
        (watching, sweep, zoomed, sweepKind, showHelp) = (false, nil, false, nil, false)
        // Each step's words show, also after i hid the last step's.
        showExplanations = true
        saliencyShown = step.target == .saliency
        var inNetwork = false
        switch step.target {
        case .canvas, .bars, .saliency, nil:
            focus = .canvas
        case .layer(let layer):
            inNetwork = true
            select(layer: layer)
        case .map(let layer, let map):
            // Picked among its layer's maps, which the step may compare it with (a value of it,
            // pointed at, is shown enlarged).
            inNetwork = true
            select(layer: layer)
            mapIndex = map
        case .unit(let unit):
            inNetwork = true
            select(layer: unit.layer)
            mapIndex = unit.map
            if !unit.layer.isUnitList {
                unitPosition = Point(x: unit.x, y: unit.y)
                zoomed = true
            }
        }
        if step.awaited != nil { (inNetwork, focus) = (false, .canvas) }
        if inNetwork {
            let beside = Layout(
                width: width, height: height, canvasHidden: false, tourRows: session.panelRows)
            networkFullScreen = beside.network.height == 0
        } else {
            networkFullScreen = false
        }
    }

    /// Picks `layer` by its name on screen.
    mutating func select(layer: NetworkLayer) {
        let layers = LeNet5.architecture(classes: classCount)
        if let index = layers.firstIndex(where: { $0.id == layer }) { select(layer: index) }
    }

    /// What the step says now: its heading, its words with the drawing's numbers, and whether
    /// the reader may go on.
    /// `coversNetwork`: the words take the place of the layer the step points at.
    func tourPanel(
        _ session: TourSession, words: [String], reading: NetworkReading, coversNetwork: Bool
    ) -> TourPanel {
        let step = session.step
        var status = [String]()
        if let awaited = step.awaited {
            if reading.prediction?.digit == awaited.index {
                status.append("It reads \(awaited.name): Space goes on.")
            } else if let best = reading.prediction?.digit {
                status.append(
                    "Draw a \(awaited.name) to go on (it reads \(reading.classes[best])).")
            } else {
                status.append("Draw a \(awaited.name) to go on.")
            }
        } else if session.tour.isAtLastStep {
            status.append("Last step: Esc leaves the tour.")
        }
        if coversNetwork {
            status.append("i hides these words, to show the network; f hides the canvas.")
        }
        return TourPanel(
            heading: TourPanel.heading(session.tour), words: words,
            status: status.isEmpty ? nil : status.joined(separator: " "))
    }
}
