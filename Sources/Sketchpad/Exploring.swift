import LeNet5

/// What the network reads and the screen shows: the drawing on the canvas, or a test digit.
public enum Subject: Equatable, Sendable {
    case canvas(Canvas)
    /// A test digit of `lenet5 explore`, by its index in the set.
    case testDigit(Int)
}

extension SketchpadState {
    /// The test digit on screen, as an index into the explorer's digits; nil when the canvas is.
    public var shownTestDigit: Int? {
        guard let explorer, explorer.showsDigit else { return nil }
        return explorer.current
    }

    public var subject: Subject {
        shownTestDigit.map(Subject.testDigit) ?? .canvas(canvas)
    }

    /// Whether the network has something to read: a test digit, or a drawing large enough.
    var hasReading: Bool { shownTestDigit != nil || canvas.readiness == .ready }

    /// Where the keys go when they leave the network: the test digits while one is on screen,
    /// else the canvas.
    var homeFocus: Focus { shownTestDigit != nil ? .digits : .canvas }

    /// The keys' context while exploring: over the confusion matrix while it is open, among the
    /// test digits while they have the focus; nil otherwise (the sketchpad's own contexts).
    var explorerContext: KeyContext? {
        guard let explorer else { return nil }
        if explorer.openCell != nil { return .confusion }
        return focus == .digits ? .digits : nil
    }

    /// Carries out a command of the explorer's keys. Without test digits (`lenet5 draw`) they
    /// say where the digits are browsed.
    mutating func explore(_ command: Command) -> Effect? {
        guard var explorer else {
            notice = Self.noTestDigits
            return nil
        }
        defer { self.explorer = explorer }
        switch command {
        case .stepDigit(let step):
            if !explorer.step(by: step) {
                notice = step > 0 ? "That is the last digit of the list" : "That is the first"
            }
        case .browse(let list):
            if explorer.list == list && explorer.showsDigit && explorer.openCell == nil {
                notice = "Already browsing this list"
            } else if explorer.list == list || explorer.browse(list) {
                explorer.showsDigit = true
                explorer.openCell = nil
                if focus == .canvas { focus = .digits }
            } else {
                notice = "The network reads every test digit right: none is misclassified"
            }
        case .toggleConfusion:
            if explorer.openCell != nil {
                explorer.openCell = nil
            } else if case .cell(let cell) = explorer.list {
                explorer.openCell = cell
            } else {
                // The cell of the digit on screen (its diagonal for one the network had no
                // answer for).
                let cell = explorer.currentCell
                explorer.openCell = ConfusionCell(
                    label: cell.label, readAs: cell.readAs < 0 ? cell.label : cell.readAs)
            }
        case .moveInConfusion(let dx, let dy):
            guard var cell = explorer.openCell else { return nil }
            cell.readAs = min(9, max(0, cell.readAs + dx))
            cell.label = min(9, max(0, cell.label + dy))
            explorer.openCell = cell
        case .openConfusionCell:
            guard let cell = explorer.openCell else { return nil }
            if explorer.browse(.cell(cell)) {
                explorer.openCell = nil
                explorer.showsDigit = true
                focus = .digits
            } else {
                notice = "No \(cell.label) was read as \(cell.readAs): the cell is empty"
            }
        case .closeConfusion:
            explorer.openCell = nil
        case .copyDigit:
            let index = explorer.current
            let copy = explorer.digits.canvas(index)
            change { $0 = copy }
            explorer.showsDigit = false
            focus = .canvas
            lastSaveName = "test-\(index + 1).txt"
            notice = "Test digit \(grouped(index + 1)) is on the canvas: edit it; A, W or C go back"
        default:
            break
        }
        return nil
    }

    static let noTestDigits = "No test digits here: `lenet5 explore` browses MNIST's"

    /// How the title names a list: "All test digits", "Misclassified", "7 read as 2".
    static func title(of list: DigitList, in explorer: Explorer) -> String {
        switch list {
        case .all: "All \(grouped(explorer.digits.count)) test digits"
        case .misclassified: "Misclassified"
        case .cell(let cell):
            cell.label == cell.readAs
                ? "\(cell.label) read right" : "\(cell.label) read as \(cell.readAs)"
        }
    }

    /// The title bar's words while a test digit is on screen: the list and the place in it.
    var explorerHeading: String? {
        guard let explorer, shownTestDigit != nil || explorer.openCell != nil else { return nil }
        if explorer.openCell != nil { return "explore  the confusion matrix" }
        let list = Self.title(of: explorer.list, in: explorer)
        return
            "explore  \(list): \(grouped(explorer.position + 1)) of \(grouped(explorer.members.count))"
    }

    /// The keys of the explorer, for the status line while the test digits or the confusion
    /// matrix have them.
    func explorerHints(arrows: (left: String, right: String, up: String, down: String))
        -> String?
    {
        guard let explorer else { return nil }
        if explorer.openCell != nil {
            return "arrows pick a cell  Enter its digits  Esc close  A all  W wrong"
        }
        guard explorer.showsDigit else { return nil }
        if focus == .network { return "Esc back to the digits  W wrong  C confusion  A all" }
        return "\(arrows.left)\(arrows.right) digit  d edit a copy  W wrong  C confusion  A all"
    }

    /// The title of the frame that shows test digit `index`: its number, from 1, and its label.
    func testDigitTitle(_ index: Int) -> String {
        let label = explorer.map { " label \($0.digits.labels[index])" } ?? ""
        return "Test digit \(grouped(index + 1)):" + label
    }
}

extension KeyContext {
    /// Whether a key bound everywhere works in this context. Over the test digits the canvas is
    /// not on screen, so the keys that draw do nothing unseen; over the confusion matrix only the
    /// help, quitting and the explorer's lists work.
    func admits(_ command: Command) -> Bool {
        switch self {
        case .canvas, .maps, .values, .teach, .examples: return true
        case .digits: return !command.drawsOnCanvas
        case .confusion:
            switch command {
            case .help, .quit, .quitNow, .browse, .toggleConfusion: return true
            default: return false
            }
        }
    }
}

extension Command {
    /// Changes the drawing or the tools that draw it, or asks what comes of the drawing (the
    /// what-if experiments, the gallery, the tours).
    var drawsOnCanvas: Bool {
        switch self {
        case .moveCursor, .paint, .togglePen, .toggleEraser, .resizeBrush, .clear, .undo, .redo,
            .save, .transform, .cycleSweepView, .togglePreprocessing, .stepGallery, .openLessons:
            true
        default: false
        }
    }
}
