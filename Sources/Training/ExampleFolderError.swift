import LeNet5

/// Why an examples folder cannot be read, written or taught from. Every message names the folder
/// or file at fault.
public enum ExampleFolderError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadableFolder(String, reason: String)
    case noClasses(String)
    case singleClass(String)
    case tooManyClasses(String, Int)
    case badClassName(String, String, ClassNameFault)
    case noDrawings(String)
    case tooFewExamples(String, Int)
    case unreadableFile(String, reason: String)
    case notADrawing(String, DrawingError)
    case blank(String)
    case notSaved(String, reason: String)
    case notAnExample(String, folder: String)
    case notDeleted(String, reason: String)

    public var description: String {
        let limits = NetworkGeometry.classLimits
        switch self {
        case .unreadableFolder(let folder, let reason): return "\(folder): \(reason)"
        case .noClasses(let folder):
            return "\(folder): no class folders: make one folder per class (its name is the "
                + "class's name) holding its drawings (.txt text grids or .pgm images)"
        case .singleClass(let folder):
            return "\(folder): the only class: a network needs at least "
                + "\(limits.lowerBound) classes to choose between"
        case .tooManyClasses(let folder, let count):
            return "\(folder): \(count) class folders; at most \(limits.upperBound) classes are "
                + "allowed"
        case .badClassName(let folder, let name, let fault):
            return "\(folder): the class name \"\(name)\" \(fault), so it cannot be a folder's name"
        case .noDrawings(let folder):
            return "\(folder): holds no drawings (.txt text grids or .pgm images)"
        case .tooFewExamples(let folder, let count):
            return "\(folder): \(count == 1 ? "only one drawing" : "\(count) drawings"); each "
                + "class needs at least "
                + "\(TeachingExamples.minimumPerClass) (one to learn from while another is tested)"
        case .unreadableFile(let file, let reason): return "\(file): \(reason)"
        case .notADrawing(let file, let error): return "\(file): \(error.fault)"
        case .blank(let file): return "\(file): the drawing has no ink"
        case .notSaved(let path, let reason): return "\(path): not saved: \(reason)"
        case .notAnExample(let file, let folder):
            return "\(file): not an example of \(folder) (a .txt or .pgm file in a class folder)"
        case .notDeleted(let file, let reason): return "\(file): not deleted: \(reason)"
        }
    }
}
