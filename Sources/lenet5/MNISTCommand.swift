import ArgumentParser
import MNISTFetch
import Platform
import Training

struct MNISTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist",
        abstract: "Get the MNIST digits that train and eval use.",
        subcommands: [MNISTFetchCommand.self])
}

struct MNISTFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the four MNIST files and check them against their published checksums.",
        discussion: """
            The files go where `lenet5 train` and `lenet5 eval` look when they are not given \
            --mnist: the folder in LENET5_MNIST if it is set, else a cache folder \
            ($XDG_CACHE_HOME/lenet5/mnist or ~/.cache/lenet5/mnist; ~/Library/Caches/lenet5/mnist \
            on macOS). Each file comes from the first mirror that has it and is kept only if its \
            checksums are the published ones; a download that fails or is interrupted leaves \
            nothing under the file's name. Files already there and correct are not downloaded \
            again.
            """)

    @Option(
        help: ArgumentHelp(
            "The folder to put them in (default: LENET5_MNIST, else the cache folder).",
            valueName: "dir"))
    var dir: String?

    @Option(
        help: ArgumentHelp(
            "A URL of a folder holding the four .gz files; repeat for several, tried in turn "
                + "(default: the usual public mirrors).",
            valueName: "url"))
    var mirror: [String] = []

    func validate() throws {
        for url in mirror
        where !["http://", "https://", "file://"].contains(where: url.lowercased().hasPrefix) {
            throw ValidationError("--mirror \(url): not an http://, https:// or file:// URL")
        }
    }

    func run() throws {
        let location = MNISTLocation(option: dir)
        let fetcher = MNISTFetcher(mirrors: mirror.isEmpty ? MNISTFetcher.standardMirrors : mirror)
        MNISTFetcher.removePartialFilesOnSignals()
        // A server that hangs up mid-transfer must be an error to report, not a signal that kills.
        signal(SIGPIPE, SIG_IGN)
        let display = FetchDisplay()
        do {
            try fetcher.fetch(into: location.directory, observe: display.show)
        } catch {
            display.clear()
            Console.error(error.description)
            throw ExitCode.failure
        }
        let found = MNISTLocation(option: nil).directory == location.directory
        let directory = location.directory
        Console.note(
            found
                ? "MNIST is in \(directory), where lenet5 train and lenet5 eval look by default."
                : "MNIST is in \(directory); lenet5 train and lenet5 eval use it with --mnist "
                    + "\(directory) or LENET5_MNIST=\(directory).")
    }
}

/// A progress bar per file on a terminal; one line per file in any case.
final class FetchDisplay {
    private let progress = ProgressBar(enabled: Console.standardErrorIsTerminal)
    /// Mirrors that failed for the file in flight, told once it arrives.
    private var failures = [String]()
    private var current = ""

    func show(_ event: MNISTFetcher.Event) {
        switch event {
        case .present(let archive, let verdict):
            line("\(archive.name): already there, \(words(verdict))")
        case .replacing(let archive, _):
            line("\(archive.name): already there but not the published file; downloading it again")
        case .started(let archive, _):
            if archive.name != current {
                current = archive.name
                failures = []
            }
        case .progress(let archive, let url, let received, let total):
            progress.show(
                fraction: total > 0 ? Double(received) / Double(total) : 0, label: archive.name,
                detail: sizeText(received) + (total > 0 ? " of " + sizeText(total) : "")
                    + " from " + host(url))
        case .downloaded(let archive, let url, let bytes, let verdict):
            let earlier = failures.isEmpty ? "" : " (after \(failures.joined(separator: "; ")))"
            line(
                "\(archive.name): \(sizeText(bytes)) from \(host(url)), \(words(verdict))\(earlier)"
            )
        case .failed(_, let url, let fault):
            failures.append("\(url): \(fault)")
        }
    }

    func clear() { progress.clear() }

    private func line(_ text: String) {
        progress.clear()
        Console.note(text)
    }

    private func words(_ verdict: MNISTArchive.Verdict) -> String {
        switch verdict {
        case .matches: return "checksums ok"
        case .matchesContent: return "content checksum ok (gzipped differently)"
        case .differs: return "checksum mismatch"
        }
    }

    private func host(_ url: String) -> String {
        let rest = url.split(separator: "://", maxSplits: 1).last ?? Substring(url)
        return String(rest.prefix { $0 != "/" })
    }
}

/// "4.5 kB", "9.9 MB".
func sizeText(_ bytes: Int64) -> String {
    bytes < 1_000_000
        ? formatFixed(Double(bytes) / 1e3, digits: 1) + " kB"
        : formatFixed(Double(bytes) / 1e6, digits: 1) + " MB"
}
