import ArgumentParser
import LeNet5

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show how one value of one layer was computed from a drawing.",
        discussion: """
            Runs the drawing through the network and explains one unit: its value and its value \
            before the activation (tanh; softmax for Output), the square of the 32x32 network \
            input it depends on and the cells of the drawing those pixels came from (x0, y0, x1, \
            y1, corners included). For C1, C3 and C5: the input patch and the kernel for every \
            input map, the sum of their products and the bias. For S2 and S4: the 2x2 block \
            averaged. For F6 and Output: every input times its weight, and the bias; the text \
            lists those that pushed the value up and down the most. For Input: the pixel. \
            Layers are named as on screen, in any case: Input, C1, S2, C3, S4, C5, F6, Output. \
            Every number you give or read counts from 1, as on screen: maps, columns X, rows Y, \
            units N (Output's unit N is class N-1: for the shipped network the digit N-1), and the \
            fields' corners. Without --unit, \
            the unit of the map with the largest value. A layer, map or unit out of range gets a \
            message naming the valid range and exit status 2.
            """)

    @Argument(help: ArgumentHelp("The drawing ('-' for standard input).", valueName: "file"))
    var file: String

    @Option(help: "The layer: Input, C1, S2, C3, S4, C5, F6 or Output.")
    var layer: String

    @Option(help: "The map, from 1 (default 1; C5, F6 and Output are one list of units).")
    var map: String?

    @Option(help: "The unit: X,Y (column, row) in a map, or N in C5, F6 and Output; from 1.")
    var unit: String?

    @OptionGroup var weights: WeightsOption

    @Flag(
        name: .customLong("no-preprocess"),
        help: "Feed a 32x32 drawing to the network as it is (ink 1.0, background 0.0).")
    var noPreprocess = false

    @Flag(
        help: """
            One JSON object: {layer, map, unit, value, pre_activation, field_input, field_drawing, \
            ...}.
            """)
    var json = false

    func run() throws {
        // The weights first: how many units Output has depends on them.
        let classifier = Classifier(try weights.load())
        let request: TraceRequest
        do {
            request = try TraceRequest(
                layer: layer, map: map, unit: unit, classes: classifier.classCount)
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
        let input = DrawingInput(file: file)
        let prepared: PreparedDrawing
        do {
            guard let ready = try input.read(preprocess: !noPreprocess).prepared else {
                Console.error("\(input.name): no ink, nothing to trace")
                throw ExitCode.failure
            }
            prepared = ready
        } catch let error as DrawingInputError {
            Console.error("\(input.name): \(error)")
            throw ExitCode.failure
        }
        let trace = ForwardTrace()
        classifier.forward(prepared.input, into: trace)
        guard let unit = request.unit(in: trace) else {
            preconditionFailure("a validated request names a unit")
        }
        let explanation = UnitExplanation(
            unit, trace: trace, model: classifier.model, transform: prepared.transform)
        let text = TraceText(explanation, classes: classifier.classes)
        if json {
            Console.json(text.json(file: input.name))
        } else {
            for line in text.lines { Console.out(line) }
        }
    }
}

/// What `trace` was asked for, checked against the layer's geometry before any file is read.
struct TraceRequest {
    let layer: NetworkLayer
    /// Counted from 0.
    let map: Int
    /// Counted from 0; nil for the strongest unit.
    let position: (x: Int, y: Int)?
    let index: Int?
    /// The network's classes: Output's units.
    let classes: Int

    init(layer name: String, map: String?, unit: String?, classes: Int) throws(TraceRequestError) {
        guard let layer = NetworkLayer(name: name) else { throw .unknownLayer(name) }
        self.layer = layer
        self.classes = classes
        let g = layer.geometry(classes: classes)
        let maps = layer.isUnitList ? 1 : g.maps
        let mapNumber = map.map { Int($0) } ?? 1
        guard let mapNumber, (1...maps).contains(mapNumber) else {
            throw .map(layer, given: map ?? "", units: g.maps)
        }
        self.map = mapNumber - 1
        guard let unit else {
            position = nil
            index = nil
            return
        }
        let parts = unit.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.filter { $0 != " " })
        }
        switch (layer.isUnitList, parts.count) {
        case (true, 1):
            guard let n = parts[0], (1...g.maps).contains(n) else {
                throw .unit(layer, given: unit, geometry: g)
            }
            position = nil
            index = n - 1
        case (false, 2):
            guard let x = parts[0], let y = parts[1], (1...g.side).contains(x),
                (1...g.side).contains(y)
            else { throw .unit(layer, given: unit, geometry: g) }
            position = (x - 1, y - 1)
            index = nil
        default:
            throw .unit(layer, given: unit, geometry: g)
        }
    }

    /// The unit asked for, or the map's (list's) strongest.
    func unit(in trace: ForwardTrace) -> NetworkUnit? {
        if let index { return NetworkUnit(layer: layer, unit: index, classes: classes) }
        if let position {
            return NetworkUnit(
                layer: layer, map: map, x: position.x, y: position.y, classes: classes)
        }
        return trace.strongestUnit(of: layer, map: map)
    }
}

/// A request `trace` cannot answer, with the range that would do.
enum TraceRequestError: Error, CustomStringConvertible {
    case unknownLayer(String)
    case map(NetworkLayer, given: String, units: Int)
    case unit(NetworkLayer, given: String, geometry: LayerGeometry)

    var description: String {
        switch self {
        case .unknownLayer(let name):
            let names = NetworkLayer.allCases.map(\.name)
            return "there is no layer '\(name)': the layers are "
                + names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        case .map(let layer, let given, let maps):
            if layer.isUnitList {
                return "--map \(given): \(layer.name)'s \(maps) units form one "
                    + "list, map 1; pick a unit with --unit N, N from 1 to \(maps)"
            }
            return "--map \(given): \(layer.name) has "
                + (maps == 1 ? "one map, map 1" : "maps 1 to \(maps)")
        case .unit(let layer, let given, let g):
            if layer.isUnitList {
                return "--unit \(given): \(layer.name)'s units form one list: --unit N, N from 1 "
                    + "to \(g.maps)"
            }
            return "--unit \(given): \(layer.name)'s maps are \(g.side)x\(g.side): --unit X,Y, "
                + "X and Y from 1 to \(g.side)"
        }
    }
}
