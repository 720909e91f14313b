import LeNet5
import Lessons

extension BenchCommand {
    /// Each kind of `lenet5 sweep` of the thick 8 (every point transformed, preprocessed and
    /// classified, on two threads): median milliseconds.
    func sweepMilliseconds(_ classifier: Classifier) -> [(kind: SweepKind, median: Double)] {
        SweepKind.allCases.map { kind in
            var samples = [Double]()
            for _ in 0..<max(20, runs / 1000) {
                let start = monotonicSeconds()
                _ = classifier.sweep(Self.thickEight, kind)
                samples.append(monotonicSeconds() - start)
            }
            samples.sort()
            return (kind, samples[samples.count / 2] * 1000)
        }
    }
}
