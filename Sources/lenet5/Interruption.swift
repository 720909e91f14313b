import Dispatch
import LeNet5
import Platform

/// What happens when a signal ends a command that writes files: the temporary file of a write in
/// progress (see `writeFileContents`) is removed, then the signal ends the process as it would
/// have, so that the shell still sees death by that signal.
///
/// The signals arrive through dispatch sources, so the removal runs on an ordinary thread, not in
/// a signal handler, and may take the lock that the writer holds while it names its file. They
/// are blocked in this thread (and so in every thread it starts) for the sources to read them:
/// blocked rather than ignored, because ignoring a signal discards one already pending, which
/// then never ends the program.
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static var sources = [DispatchSourceSignal]()

    static func removeTemporaryFilesOnSignals() {
        guard sources.isEmpty else { return }
        for number in signals {
            // A signal ignored already (SIGHUP under nohup, SIGINT in a background job of a
            // script) stays ignored: it was not meant to end this program.
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0, !isIgnore(current) else { continue }
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll(then: {
                    // Unblocked here and raised at this thread, the signal takes its default
                    // action: the process ends.
                    signal(number, SIG_DFL)
                    pthread_sigmask(SIG_UNBLOCK, &set, nil)
                    raise(number)
                    _exit(128 + number)
                })
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a disposition is SIG_IGN (handlers are C function pointers, compared by address).
    private static func isIgnore(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
