import LeNet5
import Sketchpad
import Training

extension BenchCommand {
    /// How long `lenet5 explore` takes to start, without the terminal: the MNIST test set read
    /// from its files, its 10,000 digits read by the network on two threads, and the first frame
    /// (120x36, the first digit's reading included) rendered; median milliseconds of five. Nil
    /// when the test set is not where `lenet5 explore` would look, with why.
    func exploreStartMilliseconds(_ classifier: Classifier) -> (median: Double?, absence: String?) {
        let location = MNISTLocation(option: mnist)
        guard location.missing(MNISTLocation.testFiles).isEmpty else {
            return (nil, "no MNIST test set in \(location)")
        }
        var samples = [Double]()
        for _ in 0..<5 {
            let start = monotonicSeconds()
            guard let test = try? MNIST.testSet(location) else {
                return (nil, "the MNIST test set in \(location) cannot be read")
            }
            let (digits, _) = ExploreCommand.read(test, classifier: classifier)
            let state = SketchpadState(
                width: 120, height: 36, options: DisplayOptions(),
                explorer: Explorer(digits: digits))
            _ = state.render(Derivations(classifier: classifier).derive(from: state))
            samples.append(monotonicSeconds() - start)
        }
        return (samples.sorted()[samples.count / 2] * 1000, nil)
    }
}
