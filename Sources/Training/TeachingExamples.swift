import LeNet5

/// One class of an examples folder: its name and its drawings' paths, oldest first.
public struct ExampleClass: Sendable, Equatable {
    public let name: String
    public let files: [String]
}

/// One labelled drawing.
public struct TeachingExample: Sendable {
    /// The index of its class in `TeachingExamples.classes`.
    public let label: Int
    public let drawing: Bitmap
    /// Where it was read from (for messages); empty for drawings that never were files.
    public let file: String

    public init(label: Int, drawing: Bitmap, file: String = "") {
        self.label = label
        self.drawing = drawing
        self.file = file
    }
}

/// The drawings a network is taught from, each labelled with one of `classes`.
public struct TeachingExamples: Sendable {
    /// The fewest examples of a class that can be taught and tested: one to learn from while
    /// another is held out.
    public static let minimumPerClass = 2

    public let classes: [String]
    public let examples: [TeachingExample]

    /// Every example's label must index `classes`. How many classes and examples there are is
    /// checked when teaching starts (`TransferError.unteachable`), as `ExampleFolder.load` checks
    /// a folder.
    public init(classes: [String], examples: [TeachingExample]) {
        precondition(examples.allSatisfy { classes.indices.contains($0.label) })
        self.classes = classes
        self.examples = examples
    }

    /// Drawings given to two classes: for each, the file of the first and the file of the same
    /// drawing in another class (the same ink, cell for cell, after it is cropped to its box and
    /// preprocessed as the network sees it). Such a drawing teaches the network that one shape is
    /// both classes: a mistake to point out.
    public var sharedAcrossClasses: [(first: String, second: String)] {
        var seen = [[Float]: TeachingExample]()
        var pairs = [(first: String, second: String)]()
        for example in examples {
            guard let input = Preprocessing.networkInput(from: example.drawing) else { continue }
            if let earlier = seen[input] {
                if earlier.label != example.label { pairs.append((earlier.file, example.file)) }
            } else {
                seen[input] = example
            }
        }
        return pairs
    }

    /// How many examples each class has.
    public var counts: [Int] {
        var counts = [Int](repeating: 0, count: classes.count)
        for example in examples { counts[example.label] += 1 }
        return counts
    }
}
