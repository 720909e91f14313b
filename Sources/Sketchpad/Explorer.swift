/// Which test digits are browsed.
public enum DigitList: Equatable, Sendable {
    case all
    /// Those the network reads as another digit than their label.
    case misclassified
    /// One cell of the confusion matrix.
    case cell(ConfusionCell)
}

/// A cell of the confusion matrix: the digits of one label read as one digit.
public struct ConfusionCell: Equatable, Sendable {
    /// The row: the true digit.
    public var label: Int
    /// The column: the digit the network read.
    public var readAs: Int

    public init(label: Int, readAs: Int) {
        self.label = label
        self.readAs = readAs
    }
}

/// Browsing the test digits (`lenet5 explore`): the digits, the list browsed and the place in it,
/// and the confusion matrix when it is open. A value changed only by `update`.
public struct Explorer: Equatable, Sendable {
    public let digits: TestDigits
    public private(set) var list = DigitList.all
    /// The list's digits, as indices into `digits`, in the set's order; never empty.
    public private(set) var members: [Int]
    public private(set) var position = 0
    /// The test digit is on screen; false once a copy of it went onto the canvas to be edited.
    public internal(set) var showsDigit = true
    /// The cell the confusion matrix's cursor is on, while the matrix is open.
    public internal(set) var openCell: ConfusionCell?

    /// Browses all of `digits` from the first (of which there must be one).
    public init(digits: TestDigits) {
        precondition(digits.count > 0, "nothing to explore")
        self.digits = digits
        members = Array(0..<digits.count)
    }

    /// The digit on screen, as an index into `digits`.
    public var current: Int { members[position] }

    /// The cell the current digit falls in.
    public var currentCell: ConfusionCell {
        ConfusionCell(label: digits.labels[current], readAs: digits.predictions[current])
    }

    /// The digits `list` holds.
    public func members(of list: DigitList) -> [Int] {
        switch list {
        case .all: Array(0..<digits.count)
        case .misclassified: digits.misclassified
        case .cell(let cell): digits.digits(label: cell.label, readAs: cell.readAs)
        }
    }

    /// Browses `list`, at the digit on screen if the list holds it, else at its first; false (and
    /// nothing changed) when the list is empty.
    mutating func browse(_ list: DigitList) -> Bool {
        let members = self.members(of: list)
        guard !members.isEmpty else { return false }
        let shown = current
        self.list = list
        self.members = members
        // The lists are in the set's order: a binary search finds the digit shown, if there.
        var low = 0
        var high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < shown { low = middle + 1 } else { high = middle }
        }
        position = low < members.count && members[low] == shown ? low : 0
        return true
    }

    /// Moves `step` digits along the list, stopping at either end; false when already there.
    mutating func step(by step: Int) -> Bool {
        let next = min(members.count - 1, max(0, position + step))
        guard next != position else { return false }
        position = next
        return true
    }
}
