import LeNet5

/// A labelled set of 28x28 grey digits (MNIST's test set) with what the network read in each: what
/// `lenet5 explore` browses. The network read each one padded by 2 to 32x32 and as it is, without
/// the sketchpad's preprocessing, as it was trained on them and as `lenet5 eval` measures it.
public struct TestDigits: Equatable, Sendable {
    public static let side = 28
    /// The padding on each side that makes a digit the network's 32x32 input, as LeCun did.
    public static let padding = (Canvas.side - side) / 2

    /// Every digit's 28x28 bytes, one digit after another, row by row, ink 255.
    public let images: [UInt8]
    public let labels: [Int]
    /// The digit read in each, -1 where the network's output was not a number.
    public let predictions: [Int]
    /// confusion[label][prediction], counted once.
    public let confusion: [[Int]]

    public var count: Int { labels.count }

    public init(images: [UInt8], labels: [Int], predictions: [Int]) {
        precondition(images.count == labels.count * Self.side * Self.side)
        precondition(predictions.count == labels.count)
        precondition(labels.allSatisfy { (0..<10).contains($0) })
        self.images = images
        self.labels = labels
        self.predictions = predictions
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: 10), count: 10)
        for (label, prediction) in zip(labels, predictions) where prediction >= 0 {
            confusion[label][prediction] += 1
        }
        self.confusion = confusion
    }

    public func isMisclassified(_ index: Int) -> Bool { predictions[index] != labels[index] }

    /// The digits misclassified, in the set's order.
    public var misclassified: [Int] { labels.indices.filter(isMisclassified) }

    /// The digits of label `truth` read as `predicted`, in the set's order.
    public func digits(label truth: Int, readAs predicted: Int) -> [Int] {
        labels.indices.filter { labels[$0] == truth && predictions[$0] == predicted }
    }

    /// Digit `index` as the network read it: 32x32, the 28x28 grey digit padded by 2, ink 1.
    public func input(_ index: Int) -> Bitmap {
        let (side, pad) = (Self.side, Self.padding)
        var bitmap = Bitmap(width: Canvas.side, height: Canvas.side)
        let base = index * side * side
        for y in 0..<side {
            for x in 0..<side {
                bitmap[x + pad, y + pad] = Float(images[base + y * side + x]) / 255
            }
        }
        return bitmap
    }

    /// Digit `index` as a drawing the sketchpad can edit: padded to 32x32 and made ink where it is
    /// at least half ink, paper elsewhere (as a canvas reads a grey picture).
    public func canvas(_ index: Int) -> Canvas {
        guard let canvas = Canvas(input(index)) else {
            preconditionFailure("a padded test digit is not the canvas's size")
        }
        return canvas
    }
}
