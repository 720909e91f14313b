import LeNet5
import Screen

extension SketchpadState {
    mutating func answer(_ prompt: Prompt, _ key: Key) -> Effect? {
        switch prompt {
        case .saveName(var name):
            switch key {
            case .escape:
                self.prompt = nil
                notice = "Not saved"
            case .enter:
                let path = name.trimmingSpaces
                guard !path.isEmpty else {
                    notice = "Type a file name, or Esc to cancel"
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
            case .character(let c) where c != "\n" && c != "\r":
                if name.count < 200 { name.append(c) }
                self.prompt = .saveName(name)
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
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
