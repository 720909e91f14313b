import LeNet5

/// One labelled drawing of the examples folder, as teach mode lists it.
public struct TeachExample: Equatable, Sendable {
    public let file: String
    /// Nil when the file could not be read as a drawing: the list shows it, and teaching refuses
    /// it by name.
    public let drawing: Bitmap?

    public init(file: String, drawing: Bitmap?) {
        self.file = file
        self.drawing = drawing
    }
}

/// One class of the examples folder: its name (the folder's) and its examples, oldest first.
public struct TeachClass: Equatable, Sendable {
    public let name: String
    public var examples: [TeachExample]

    public init(name: String, examples: [TeachExample]) {
        self.name = name
        self.examples = examples
    }
}

/// The examples folder as the runtime last read it (the state never reads files itself).
public struct TeachFolder: Equatable, Sendable {
    public var path: String
    /// By name in byte order: the order of a taught network's outputs.
    public var classes: [TeachClass]
    /// Why the folder could not be listed, when it could not.
    public var fault: String?

    public init(path: String, classes: [TeachClass] = [], fault: String? = nil) {
        self.path = path
        self.classes = classes
        self.fault = fault
    }

    public var exampleCount: Int { classes.map(\.examples.count).reduce(0, +) }

    /// Why these examples cannot teach a network, in words short enough for the status line at
    /// 80 columns, or nil when they can: a network chooses between 2 to 20 classes, and each
    /// class needs one drawing to learn from while another is tested.
    public var unteachable: String? {
        if let fault { return "The examples folder cannot be read: \(fault)" }
        let limits = NetworkGeometry.classLimits
        switch classes.count {
        case 0: return "Nothing to teach yet: label drawings of two classes first"
        case 1: return "Only \"\(classes[0].name)\" so far: label drawings of a second class"
        case let count where count > limits.upperBound:
            return "\(count) classes: a network is taught at most \(limits.upperBound)"
        default: break
        }
        if let few = classes.first(where: { $0.examples.count < TeachState.minimumPerClass }) {
            return "\"\(few.name)\" has one drawing: each class needs "
                + "\(TeachState.minimumPerClass) or more"
        }
        for item in classes {
            if let bad = item.examples.first(where: { $0.drawing == nil }) {
                let name = bad.file.split(separator: "/").suffix(2).joined(separator: "/")
                return "\(name) is not a drawing: o, then d deletes it"
            }
        }
        return nil
    }
}

/// The layers teaching keeps as the original network has them.
public enum TeachFreeze: String, CaseIterable, Equatable, Sendable {
    /// C1 to C5: F6 and the output learn (`lenet5 transfer --freeze c5`, the default).
    case c5
    /// C1 to F6: only the output learns.
    case f6
    /// Nothing: every layer learns, starting from the original's values.
    case none

    /// The next choice of the F key.
    var next: TeachFreeze {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    /// "C1 to C5", "C1 to F6", "nothing".
    public var kept: String {
        switch self {
        case .c5: "C1 to C5"
        case .f6: "C1 to F6"
        case .none: "nothing"
        }
    }

    /// What teaching changes, for a line of the panel.
    public var learns: String {
        switch self {
        case .c5: "F6 and the output learn"
        case .f6: "only the output learns"
        case .none: "every layer learns"
        }
    }
}

/// Where a teaching run stands, for the progress line.
public struct TeachProgress: Equatable, Sendable {
    /// Of all the work, 0 to 1.
    public let fraction: Double
    /// What it is doing: "preparing the examples", "teaching", ...
    public let words: String
    /// Seconds since it started.
    public let elapsed: Double

    public init(fraction: Double, words: String, elapsed: Double) {
        self.fraction = fraction
        self.words = words
        self.elapsed = elapsed
    }
}

/// Held-out accuracy of the network taught by transfer beside the same network trained from
/// scratch on the same examples with the same budget (the runtime's `HeldOutComparison`).
public struct TeachComparison: Equatable, Sendable {
    public let folds: Int
    /// Drawings held out in all, each once.
    public let total: Int
    public let transferCorrect: Int
    public let scratchCorrect: Int
    /// About how many drawings each fold's networks learned from.
    public let trainingExamples: Int

    public init(
        folds: Int, total: Int, transferCorrect: Int, scratchCorrect: Int, trainingExamples: Int
    ) {
        self.folds = folds
        self.total = total
        self.transferCorrect = transferCorrect
        self.scratchCorrect = scratchCorrect
        self.trainingExamples = trainingExamples
    }
}

/// A network taught in teach mode, ready to run, with what was measured of it.
public struct TaughtNetwork: Equatable, Sendable {
    /// Tells one teaching run from the next (the runtime counts them).
    public let run: Int
    public let classifier: Classifier
    public let freeze: TeachFreeze
    public let examples: Int
    /// The share of the examples, as drawn, it reads right.
    public let trainAccuracy: Double
    public let seconds: Double
    public let comparison: TeachComparison?

    public init(
        run: Int, classifier: Classifier, freeze: TeachFreeze, examples: Int,
        trainAccuracy: Double, seconds: Double, comparison: TeachComparison?
    ) {
        self.run = run
        self.classifier = classifier
        self.freeze = freeze
        self.examples = examples
        self.trainAccuracy = trainAccuracy
        self.seconds = seconds
        self.comparison = comparison
    }

    public var classes: [String] { classifier.classes }

    public static func == (a: Self, b: Self) -> Bool {
        a.run == b.run && a.classifier === b.classifier && a.freeze == b.freeze
            && a.examples == b.examples && a.trainAccuracy == b.trainAccuracy
            && a.seconds == b.seconds && a.comparison == b.comparison
    }
}

/// A question teach mode is waiting for an answer to, on the status line.
public enum TeachPrompt: Equatable, Sendable {
    /// The class to label the drawing with: typing its name.
    case className(String)
    /// Delete this example? (its file, and how the panel names it: "plus, drawing 3 of 5")
    case confirmDelete(file: String, name: String)
    /// Typing a file name to save the taught network under.
    case networkName(String)
    /// The file exists: replace it with the taught network?
    case confirmOverwriteNetwork(path: String)
}

/// What the teach panel shows.
public enum TeachPage: Equatable, Sendable {
    /// The classes and their examples.
    case examples
    /// What teaching measured: transfer beside training from scratch, and why they differ.
    case result
}

/// Teach mode: the examples folder, the run that teaches from it, and the taught network. Changed
/// only by `update`, like the rest of the state; the folder is read and written, and the network
/// taught, by the runtime (`TeachEffect`), which reports back with a `TeachMessage`.
public struct TeachState: Equatable, Sendable {
    /// The fewest examples of a class that can be taught and tested (`TeachingExamples`).
    public static let minimumPerClass = 2

    /// The teach panel is where the network panel was (while drawing).
    public var open = false
    public var page = TeachPage.examples
    /// The keys move in the list of examples rather than on the canvas.
    public var browsing = false
    /// The picked example shown large (while browsing).
    public var reviewing = false
    public var folder: TeachFolder
    /// The class Enter labels with, and the one picked in the list: an index into the folder's
    /// classes (meaningless while there are none).
    public var pickedClass = 0
    /// The example picked in the picked class, from 0.
    public var pickedExample = 0
    public var freeze = TeachFreeze.c5
    /// Where the run stands, while one runs.
    public var training: TeachProgress?
    public var taught: TaughtNetwork?
    /// The views read the drawing with the taught network rather than the original one.
    public var showsTaught = false
    /// How many classes the original network has (the state's `classCount` while it shows).
    public var originalClassCount = NetworkGeometry.digitClasses
    public var prompt: TeachPrompt?
    /// The name the network's save prompt offers: the last one used.
    public var lastNetworkName = "taught.safetensors"

    public init(folder: TeachFolder = TeachFolder(path: "")) { self.folder = folder }

    /// The picked class, when there is one.
    public var picked: TeachClass? {
        folder.classes.indices.contains(pickedClass) ? folder.classes[pickedClass] : nil
    }

    /// The picked example of the picked class, when there is one.
    public var pickedExampleFile: TeachExample? {
        guard let picked, picked.examples.indices.contains(pickedExample) else { return nil }
        return picked.examples[pickedExample]
    }

    /// The classifier the views read the drawing with, when it is the taught one.
    public var shownClassifier: Classifier? { showsTaught ? taught?.classifier : nil }
}
