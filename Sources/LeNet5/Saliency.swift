import Dispatch
import Kernels

/// How saliency is measured.
public enum SaliencyMethod: String, CaseIterable, Sendable {
    /// Erase each ink cell in turn (set it to background, preprocess again, classify again) and
    /// measure how much the predicted class's probability drops: exact, one forward pass per cell.
    case occlusion
    /// The gradient of the predicted class's probability with respect to each cell, times the cell's
    /// value: the first-order estimate of the same drop, from one backward pass.
    case gradient
}

/// Which cells of a drawing drove the network's answer: for each cell of the drawing as given, how
/// much the predicted class's probability drops when that cell is set to background. Positive where
/// the cell supported the answer, negative where erasing it would make the answer surer, 0 for
/// background cells.
public struct Saliency: Sendable {
    public let method: SaliencyMethod
    public let width: Int
    public let height: Int
    /// The prediction for the drawing as given: the index of its class, in output order.
    public let predicted: Int
    public let probabilities: [Float]
    /// The drops, row by row over the drawing's own grid.
    public let drops: [Float]
    /// Which cells hold ink the network sees (`PreparedDrawing.isInk`), row by row: the cells that
    /// were erased; the others are background, with a drop of 0.
    public let ink: [Bool]

    public var probability: Float { probabilities[predicted] }

    public subscript(x: Int, y: Int) -> Float { drops[y * width + x] }

    public func isInk(x: Int, y: Int) -> Bool { ink[y * width + x] }

    /// The largest drop in size, positive or negative (0 when every drop is 0): what a shading
    /// scales by.
    public var largestMagnitude: Float { drops.map(abs).max() ?? 0 }

    /// The `count` ink cells with the largest drops, largest first (ties in row order).
    public func mostSalient(_ count: Int) -> [(x: Int, y: Int)] {
        drops.indices.filter { ink[$0] }
            .sorted { drops[$0] > drops[$1] || (drops[$0] == drops[$1] && $0 < $1) }
            .prefix(count)
            .map { ($0 % width, $0 / width) }
    }
}

/// Why a saliency map was not made.
public enum SaliencyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Occlusion classifies the drawing again once per ink cell, each time preprocessing the whole
    /// grid: a large scan would take minutes.
    case tooMuchInkForOcclusion(inkCells: Int, width: Int, height: Int)

    public var description: String {
        switch self {
        case .tooMuchInkForOcclusion(let cells, let width, let height):
            "has \(cells) ink cells on its \(width)x\(height) grid: erasing each in turn would take "
                + "too long (use the gradient method)"
        }
    }
}

extension Classifier {
    /// The largest occlusion job accepted, in ink cells times cells of the grid (each erased cell
    /// preprocesses the whole grid again): a few seconds' work.
    public static let occlusionBudget = 4_000_000_000

    /// Which cells of `prepared` drove the prediction, by `method`. Occlusion runs its forward
    /// passes as one batch on `threads` threads.
    public func saliency(
        of prepared: PreparedDrawing, method: SaliencyMethod, threads: Int = 2
    ) throws(SaliencyError) -> Saliency {
        let trace = ForwardTrace()
        forward(prepared.input, into: trace)
        let predicted = trace.prediction.classIndex
        let drawing = prepared.drawing
        let drops: [Float]
        switch method {
        case .occlusion:
            let cells = drawing.pixels.indices.filter { prepared.isInk(drawing.pixels[$0]) }
            guard cells.count * drawing.pixels.count <= Self.occlusionBudget else {
                throw .tooMuchInkForOcclusion(
                    inkCells: cells.count, width: drawing.width, height: drawing.height)
            }
            let after = probabilities(
                of: predicted, erasing: cells, from: prepared, threads: threads)
            var result = [Float](repeating: 0, count: drawing.pixels.count)
            for (cell, p) in zip(cells, after) { result[cell] = trace.prediction.confidence - p }
            drops = result
        case .gradient:
            let input = inputGradient(of: predicted, at: prepared.input)
            let cells =
                prepared.isPreprocessed
                ? Preprocessing.drawingGradient(
                    input, through: prepared.transform, drawing: drawing)
                : input
            drops = zip(cells, drawing.pixels).map { g, v in prepared.isInk(v) ? g * v : 0 }
        }
        return Saliency(
            method: method, width: drawing.width, height: drawing.height, predicted: predicted,
            probabilities: trace.probabilities, drops: drops,
            ink: drawing.pixels.map(prepared.isInk))
    }

    /// The probability of class `target` for `prepared`'s drawing with each of `cells` (indices
    /// into its pixels) erased in turn, one forward pass each, shared among `threads` threads. A
    /// drawing left without ink is classified as the blank input.
    public func probabilities(
        of target: Int, erasing cells: [Int], from prepared: PreparedDrawing, threads: Int = 2
    ) -> [Float] {
        probabilities(of: target, erasing: cells.map { [$0] }, from: prepared, threads: threads)
    }

    /// As `probabilities(of:erasing:from:threads:)`, erasing a group of cells at a time.
    public func probabilities(
        of target: Int, erasing groups: [[Int]], from prepared: PreparedDrawing, threads: Int = 2
    ) -> [Float] {
        precondition((0..<classCount).contains(target))
        let results = FloatSlots(count: groups.count)
        let shares = max(1, min(threads, groups.count))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let trace = ForwardTrace()
            var drawing = prepared.drawing
            let side = Preprocessing.inputSide
            var input = [Float](repeating: 0, count: side * side)
            for g in (groups.count * share / shares)..<(groups.count * (share + 1) / shares) {
                let kept = groups[g].map { drawing.pixels[$0] }
                for cell in groups[g] { drawing.pixels[cell] = 0 }
                if !prepared.isPreprocessed {
                    input = drawing.pixels
                } else if let transform = Preprocessing.transform(for: drawing) {
                    input.withUnsafeMutableBufferPointer {
                        Preprocessing.apply(transform, to: drawing, into: $0)
                    }
                } else {
                    for i in input.indices { input[i] = 0 }
                }
                forward(input, into: trace)
                results[g] = trace.probabilities[target]
                for (cell, value) in zip(groups[g], kept) { drawing.pixels[cell] = value }
            }
        }
        return results.values
    }

    /// The gradient of the probability of class `target` with respect to each pixel of the 32x32
    /// `input`.
    public func inputGradient(of target: Int, at input: [Float]) -> [Float] {
        precondition((0..<classCount).contains(target))
        let trace = ForwardTrace()
        forward(input, into: trace)
        let transposed = AlignedBuffer(count: TransposedLayout.count)
        PackedParameters.transpose(
            parameters.pointer, classes: classCount, into: transposed.pointer)
        let scratch = AlignedBuffer(count: GradientScratchLayout.count)
        let unused = AlignedBuffer(count: ParameterLayout.count)
        let gradient = AlignedBuffer(count: NetworkGeometry.input.count)
        KernelDispatch.probabilityInputGradient(
            instructionSet, target: target, parameters: parameters.pointer,
            transposed: transposed.pointer, trace: trace.buffer, scratch: scratch.pointer,
            gradient: unused.pointer, inputGradient: gradient.pointer, classes: classCount)
        return gradient.array
    }
}

/// One float per job, written by whichever thread runs the job: disjoint indices, so no two threads
/// touch the same slot.
final class FloatSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Float>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0)
    }

    deinit { slots.deallocate() }

    subscript(index: Int) -> Float {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [Float] { Array(slots) }
}
