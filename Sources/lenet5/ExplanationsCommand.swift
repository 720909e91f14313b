import ArgumentParser
import LeNet5
import Platform
import Teaching

/// The words the sketchpad says, for a teacher to edit: a copy of the built-in files to start
/// from, and a check of an edited copy without opening the sketchpad.
struct ExplanationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explanations",
        abstract: "Copy the sketchpad's explanation texts to edit them, or check an edited copy.",
        discussion: """
            --out DIR writes the built-in layers.txt and views.txt, and the README.md that \
            describes their format and placeholders, into DIR (made if missing; an existing file \
            is never replaced). Edit them, then `lenet5 draw --explanations DIR`. \
            --check DIR reads them as the sketchpad would and says what is wrong, as \
            PATH:LINE: what is wrong, with exit status 2.
            """)

    @Option(help: ArgumentHelp("Write the built-in texts into this folder.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Check the texts in this folder.", valueName: "dir"))
    var check: String?

    func validate() throws {
        guard (out == nil) != (check == nil) else {
            throw ValidationError("give either --out DIR or --check DIR")
        }
    }

    func run() throws {
        if let check {
            do {
                _ = try Explanations(directory: check)
            } catch {
                Console.error(error.description)
                throw ExitCode(2)
            }
            Console.out("\(check): the explanations are well formed")
            return
        }
        guard let out else { return }
        if mkdir(out, 0o755) != 0 && errno != EEXIST {
            Console.error("\(out): cannot make the folder")
            throw ExitCode.failure
        }
        for name in ExplanationFile.allCases.map(\.rawValue) + ["README.md"] {
            let path = out + "/" + name
            guard let bytes = BundledText.contents(of: "explanations/" + name) else {
                preconditionFailure("explanations/\(name) is not built in")
            }
            do {
                try writeFileContents(bytes, to: path, overwrite: false)
            } catch {
                Console.error(error.description)
                throw ExitCode.failure
            }
            Console.out("wrote \(path)")
        }
    }
}
