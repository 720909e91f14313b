import LeNet5
import Lessons
import Screen

public struct DisplayOptions: Equatable, Sendable {
    /// Only ASCII characters, for terminals, fonts and locales without block and box-drawing
    /// characters.
    public var ascii: Bool
    public var colors: ColorSupport

    public init(ascii: Bool = false, colors: ColorSupport = .extended) {
        self.ascii = ascii
        self.colors = colors
    }
}

/// Where keys go: to drawing on the canvas, or to exploring the network's layers.
public enum Focus: Equatable, Sendable {
    case canvas
    case network
    /// The test digits of `lenet5 explore`.
    case digits
}

/// A question the sketchpad is waiting for an answer to.
public enum Prompt: Equatable, Sendable {
    /// Typing a file name to save under.
    case saveName(String)
    /// The file exists: replace it?
    case confirmOverwrite(path: String)
    /// The drawing was never saved: quit anyway?
    case confirmQuit
}

/// Where the drawing on the canvas came from, shown in the canvas's title while the canvas holds
/// it unchanged.
struct CanvasLabel: Equatable {
    let text: String
    let canvas: Canvas

    init(_ text: String, _ canvas: Canvas) {
        self.text = text
        self.canvas = canvas
    }
}

/// A mouse stroke in progress: whether it paints or erases, and the last cell it reached.
struct Stroke: Equatable {
    var ink: Bool
    var last: Point
}

/// Everything the sketchpad remembers, changed only by `update` (after Bubble Tea's Model/Update).
/// It holds the drawing, not what the network makes of it: that is derived from the canvas
/// outside `update` (see `Derivations`), so no change to the drawing can leave a stale reading.
public struct SketchpadState: Equatable {
    public internal(set) var canvas = Canvas()
    public var cursor = Point(x: 16, y: 16)
    /// Moving the cursor paints (or erases) while the pen is down.
    public var penDown = false
    public var eraser = false
    /// 1, 2 or 3 cells.
    public var brush = 1
    var history = History()

    public var focus = Focus.canvas
    /// Index into the network's architecture: 0 is the input as the network sees it.
    public var layerIndex = 0
    /// The map picked in the selected layer, or for C5, F6 and Output the unit.
    public var mapIndex = 0
    /// The unit picked in the picked map: its column and row, from 0 (unused in C5, F6, Output).
    public var unitPosition = Point(x: 16, y: 16)
    public var zoomed = false
    /// The picked unit computed step by step (always with `zoomed`).
    public var watching = false
    /// While watching a convolution over several input maps (C3, C5): the one whose share is
    /// shown in full, from 0.
    public var term = 0
    /// The window swept across the map, one position a tick.
    public var sweep: Sweep?
    /// Show what came before tanh (and the logits before softmax) instead of the outputs.
    public var showPreActivation = false
    /// Shade each map by its own largest value instead of the layer's scale.
    public var shadesPerMap = false
    /// The network panel takes the whole screen; the canvas shows small beside the maps.
    public var networkFullScreen = false
    /// The layer's explanation beside or under the maps.
    public var showExplanations = true
    /// What drove the decision, overlaid on the drawing.
    public var saliencyShown = false
    public var saliencyMethod = SaliencyMethod.occlusion
    public var showHelp = false
    /// The page of the help shown, from 0.
    public var helpPage = 0
    public var prompt: Prompt?
    /// A one-line notice in the status bar until the next key.
    public var notice: String?
    /// The name the save prompt offers: the file loaded, then the last name used.
    public var lastSaveName = "digit.txt"
    /// The drawing as last saved or loaded, to know whether quitting would lose work.
    var savedCanvas: Canvas

    public var width: Int
    public var height: Int
    public var options: DisplayOptions
    /// How many classes the network shown has: its output layer's units.
    public var classCount = NetworkGeometry.digitClasses
    /// Teach mode: the examples, the teaching run, the taught network.
    public var teach = TeachState()

    /// Whether the network reads the canvas scaled and centred, as MNIST's digits were (P turns it
    /// off, to show what the network makes of the raw canvas).
    public var preprocessing = true
    /// The what-if sweep shown in the network panel's place (S), if any.
    public var sweepKind: SweepKind?
    /// The drawings g and G go through.
    public var gallery: Gallery
    /// Where the drawing on the canvas came from ("seven.txt"), while it is unchanged.
    var canvasLabel: CanvasLabel?
    /// The lessons T offers.
    public var lessons: [LessonChoice]
    /// The list of lessons (T), open at the row picked.
    public var lessonPicker: Int?
    /// The guided tour going on.
    public var tour: TourSession?
    /// What the network reads the canvas as, as the runtime last said (`Message.networkAnswered`):
    /// a step that waits for a drawing goes on only when it is the class asked for.
    var answer: NetworkAnswer?

    var stroke: Stroke?

    /// The test digits browsed (`lenet5 explore`); nil in the plain sketchpad.
    public internal(set) var explorer: Explorer?

    /// `loadedFrom` is the file the canvas came from, if any: the save prompt offers it (unless
    /// it is not a name the prompt would take). `explorer` holds the test digits `lenet5 explore`
    /// browses; `gallery` is what g and G go through, `lessons` what T offers.
    public init(
        width: Int, height: Int, options: DisplayOptions, canvas: Canvas = Canvas(),
        loadedFrom: String? = nil, explorer: Explorer? = nil, gallery: Gallery = Gallery(),
        lessons: [LessonChoice] = []
    ) {
        self.width = width
        self.height = height
        self.options = options
        self.canvas = canvas
        self.gallery = gallery
        self.lessons = lessons
        savedCanvas = canvas
        if let loadedFrom, FileName.fault(loadedFrom) == nil { lastSaveName = loadedFrom }
        self.explorer = explorer
        if explorer != nil { focus = .digits }
    }

    public var layout: Layout {
        // While the sweep view is open it has the panel's place whole, and i hides the tour's
        // words as it hides the explanations: the tour waits under them.
        let tourRows: ((Int, Bool) -> Int)? =
            sweepKind == nil && showExplanations ? tour.map { session in session.panelRows } : nil
        return Layout(
            width: width, height: height,
            canvasHidden: networkFullScreen || teachResultOnWholeScreen,
            tourRows: tourRows)
    }

    public var selectedLayer: LayerDescription {
        LeNet5.architecture(classes: classCount)[layerIndex]
    }

    /// The selected layer, by name.
    public var layer: NetworkLayer { selectedLayer.id }

    /// The unit the cursor picked in the picked map (for C5, F6 and Output, the picked unit).
    public var pickedUnit: NetworkUnit {
        let layer = self.layer
        let unit =
            layer.isUnitList
            ? NetworkUnit(layer: layer, unit: mapIndex, classes: classCount)
            : NetworkUnit(
                layer: layer, map: mapIndex, x: unitPosition.x, y: unitPosition.y,
                classes: classCount)
        guard let unit else { preconditionFailure("the picked unit lies outside \(layer)") }
        return unit
    }

    /// Maps (or units) in the selected layer.
    public var mapCount: Int { Self.mapCount(of: selectedLayer) }

    /// The first dimension: maps of a convolution layer, units of a dense one.
    static func mapCount(of layer: LayerDescription) -> Int { layer.shape[0] }

    var canUndo: Bool { !history.undoStack.isEmpty }
    var canRedo: Bool { !history.redoStack.isEmpty }
}
