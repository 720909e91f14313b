import LeNet5
import Screen
import Teaching

extension SketchpadState {
    mutating func answer(_ prompt: Prompt, _ key: Key) -> Effect? {
        switch prompt {
        case .saveName(var name):
            switch key {
            case .escape:
                self.prompt = nil
                notice = "Not saved"
            case .enter:
                let path = name.trimmingBlanks
                guard !path.isEmpty else {
                    notice = "Type a file name, or Esc to cancel"
                    return nil
                }
                if let fault = FileName.fault(path) {
                    notice = fault.description
                    return nil
                }
                lastSaveName = path
                return .save(
                    path: path, contents: DrawingFormats.textGrid(canvas.bitmap), overwrite: false)
            case .backspace, .delete:
                if !name.isEmpty { name.removeLast() }
                self.prompt = .saveName(name)
            case .control("u"):
                self.prompt = .saveName("")
            case .character(let c):
                if let fault = FileName.fault(name + String(c)) {
                    notice = fault.description
                } else {
                    name.append(c)
                    self.prompt = .saveName(name)
                }
            default: break
            }
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                return .save(
                    path: path, contents: DrawingFormats.textGrid(canvas.bitmap), overwrite: true)
            case .character("n"), .character("N"), .escape:
                self.prompt = .saveName(path)
            default: break
            }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("q"): return .quit
            case .character("s"):
                self.prompt = .saveName(lastSaveName)
            case .character("n"), .character("N"), .escape:
                self.prompt = nil
            default: break
            }
        }
        return nil
    }

    /// Pasted text is a file name in the save prompt, and nothing anywhere else: it is never
    /// read as keys, so a paste cannot draw, save or quit.
    mutating func handlePaste(_ text: String) -> Effect? {
        if prompt == nil && pasteIntoTeachPrompt(text) { return nil }
        guard case .saveName(let name) = prompt else {
            notice = "Pasted text is only used as a file name, in the save prompt (s)"
            return nil
        }
        if let fault = FileName.fault(name + text) {
            notice =
                "Paste not used: " + fault.description.prefix(1).lowercased()
                + fault.description.dropFirst()
        } else {
            prompt = .saveName(name + text)
        }
        return nil
    }
}

/// What a file name typed or pasted into the save prompt may hold.
enum FileName {
    /// The longest name of one file or directory, in bytes (NAME_MAX on Linux and macOS).
    static let componentLimit = 255
    /// The longest path the prompt takes, in bytes.
    static let pathLimit = 1024

    enum Fault: Equatable, CustomStringConvertible {
        case invisibleCharacter
        case componentTooLong
        case pathTooLong

        var description: String {
            switch self {
            case .invisibleCharacter:
                "A file name cannot hold line breaks or other control characters"
            case .componentTooLong:
                "A file name can be at most \(FileName.componentLimit) bytes between slashes"
            case .pathTooLong: "A path can be at most \(FileName.pathLimit) bytes long"
            }
        }
    }

    /// Why `name` cannot be a sane file name, or nil if it can: control characters (NUL, line
    /// breaks, escapes), invisible formatting characters and line separators are refused, and
    /// names too long for the file system are refused rather than cut.
    static func fault(_ name: String) -> Fault? {
        for scalar in name.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
                return .invisibleCharacter
            default: continue
            }
        }
        if name.split(separator: "/").contains(where: { $0.utf8.count > componentLimit }) {
            return .componentTooLong
        }
        return name.utf8.count > pathLimit ? .pathTooLong : nil
    }
}
