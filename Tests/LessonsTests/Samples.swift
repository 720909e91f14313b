import Foundation
import LeNet5

/// The files of Assets, read from the source tree (not from the copies built into the binary).
enum Samples {
    static let assets: String = {
        var url = URL(fileURLWithPath: "\(#filePath)")
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Assets").path
    }()

    static let folder = assets + "/samples"

    static func drawing(_ name: String) -> Bitmap? {
        guard let bytes = try? readFileContents(folder + "/" + name) else { return nil }
        return try? DrawingFormats.drawing(from: bytes)
    }

    static let classifier: Classifier = {
        guard let weights = try? WeightsFile.bundled() else {
            preconditionFailure("the built-in weights do not load")
        }
        return Classifier(weights.model)
    }()
}
