import Dispatch
import LeNet5

/// Hands out job indices to threads, each once.
final class JobQueue: @unchecked Sendable {
    // Only touched on the queue.
    private let queue = DispatchQueue(label: "lenet5.transfer.jobs")
    private var taken = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        queue.sync {
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}

/// One trained model per job, written by whichever thread ran the job.
final class ModelSlots: @unchecked Sendable {
    // Only touched on the queue.
    private let queue = DispatchQueue(label: "lenet5.transfer.models")
    private var slots: [LeNet5?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> LeNet5? {
        get { queue.sync { slots[index] } }
        set { queue.sync { slots[index] = newValue } }
    }

    var values: [LeNet5?] { queue.sync { slots } }
}

/// Counts the work done by every thread and reports it, one report at a time.
final class ProgressMeter: @unchecked Sendable {
    // Only touched on the queue.
    private let queue = DispatchQueue(label: "lenet5.transfer.progress")
    private var done = 0
    private var lastReported = -1.0
    private let total: Int
    private let clock: Stopwatch
    private let report: @Sendable (TransferProgress) -> Void

    init(total: Int, clock: Stopwatch, report: @escaping @Sendable (TransferProgress) -> Void) {
        self.total = max(1, total)
        self.clock = clock
        self.report = report
    }

    func add(_ units: Int, _ stage: TransferProgress.Stage) {
        queue.sync {
            done += units
            let fraction = min(1, Double(done) / Double(total))
            // Every percent is plenty for a progress line.
            guard fraction - lastReported >= 0.01 || fraction == 1 else { return }
            lastReported = fraction
            report(TransferProgress(stage: stage, fraction: fraction, elapsed: clock.seconds))
        }
    }
}
