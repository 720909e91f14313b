import LeNet5

/// A drawing named on the command line (`-` for standard input), read and made ready for the
/// network, for the commands that explain what the network does with it.
struct DrawingInput {
    let file: String

    /// The name messages and JSON give it.
    var name: String { file == "-" ? "<stdin>" : file }

    /// The drawing as given, and made ready for the network (nil when it has no ink).
    func read(preprocess: Bool) throws(DrawingInputError) -> (
        drawing: Bitmap, prepared: PreparedDrawing?
    ) {
        let bytes: [UInt8]
        do {
            // Drawings are small; a limit keeps a wrong path to a huge file from eating the memory.
            bytes = try readFileContents(file, limit: 64 << 20)
        } catch {
            throw .unreadable(reason: error.reason)
        }
        let drawing: Bitmap
        do {
            drawing = try DrawingFormats.drawing(from: bytes)
        } catch {
            throw .malformed(error)
        }
        do {
            return (drawing, try PreparedDrawing(drawing, preprocess: preprocess))
        } catch {
            throw .unusable(error)
        }
    }
}

/// What went wrong with a drawing file; messages put the file's name before it.
enum DrawingInputError: Error, CustomStringConvertible {
    case unreadable(reason: String)
    case malformed(DrawingError)
    case unusable(DrawingPreparationError)
    case unexplained(SaliencyError)

    var description: String {
        switch self {
        case .unreadable(let reason): reason
        case .malformed(let error): error.fault
        case .unusable(let error): error.description
        case .unexplained(let error): error.description
        }
    }
}
