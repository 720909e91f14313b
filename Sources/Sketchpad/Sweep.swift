/// The window swept across a map, one position a tick, so that the map fills while a class
/// watches: slowly at first, so that the first steps can be followed, then faster, so that even
/// C1's 784 positions take about half a minute.
public struct Sweep: Equatable, Sendable {
    /// Steps taken so far.
    public var steps = 0
    public var playing = true

    /// About how long a whole sweep takes, in milliseconds.
    static let duration = 30_000
    /// The first step's interval; each next one is a fifth shorter, down to the sweep's pace.
    static let firstInterval = 700.0

    /// Milliseconds from this step to the next, across a map of `positions` positions.
    public func interval(positions: Int) -> Int {
        let pace = min(1000, max(40, Self.duration / max(1, positions)))
        var slow = Self.firstInterval
        for _ in 0..<min(steps, 40) { slow *= 0.8 }
        return max(pace, Int(slow))
    }
}
