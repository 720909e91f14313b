import LeNet5

/// The independent PyTorch reference (copied from ../shared/reference into Fixtures): seeded random
/// weights, and for four inputs every layer's output and the gradient of the loss.
public enum Reference {
    public static let directory: String = {
        let file = "\(#filePath)"
        return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
    }()

    public static let weights: WeightsFile = {
        do {
            return try WeightsFile(contentsOf: directory + "/lenet5-random.safetensors")
        } catch {
            fatalError("reference weights: \(error)")
        }
    }()

    public static let trace: Safetensors = {
        do {
            return try Safetensors(bytes: readFileContents(directory + "/lenet5-trace.safetensors"))
        } catch {
            fatalError("reference trace: \(error)")
        }
    }()

    /// Sample `index` of reference tensor `name`, whose first dimension is the sample.
    public static func sample(_ name: String, _ index: Int) -> [Float] {
        let tensor = try! trace.floats(name)
        let size = tensor.count / tensor.shape[0]
        return Array(tensor.scalars[index * size..<(index + 1) * size])
    }
}
