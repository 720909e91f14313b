/// Undo and redo of whole canvases, bounded so a long session cannot grow without limit.
struct History: Equatable {
    static let limit = 200
    private(set) var undoStack: [Canvas] = []
    private(set) var redoStack: [Canvas] = []

    /// Remembers `canvas` as it was before a change; a new change forgets what could be redone.
    mutating func record(_ canvas: Canvas) {
        if undoStack.last == canvas { return }
        undoStack.append(canvas)
        if undoStack.count > Self.limit { undoStack.removeFirst(undoStack.count - Self.limit) }
        redoStack.removeAll()
    }

    /// The canvas before the last change, keeping `current` for redo; nil if there is none.
    mutating func undo(_ current: Canvas) -> Canvas? {
        guard let previous = undoStack.popLast() else { return nil }
        redoStack.append(current)
        return previous
    }

    mutating func redo(_ current: Canvas) -> Canvas? {
        guard let next = redoStack.popLast() else { return nil }
        undoStack.append(current)
        return next
    }
}
