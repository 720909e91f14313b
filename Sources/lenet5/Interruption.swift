import Dispatch
import LeNet5

#if canImport(Glibc)
    import Glibc
#endif

/// What happens when a signal ends a command that writes files: the temporary file of a write in
/// progress (see `writeFileContents`) is removed, then the signal ends the process as it would
/// have, so that the shell still sees death by that signal.
///
/// The signals arrive through dispatch sources, so the removal runs on an ordinary thread, not in
/// a signal handler, and may take the lock that the writer holds while it names its file.
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static var sources = [DispatchSourceSignal]()

    static func removeTemporaryFilesOnSignals() {
        guard sources.isEmpty else { return }
        for number in signals {
            // Ignored as a plain signal, so that only the source sees it. A signal that was
            // ignored already (SIGHUP under nohup, SIGINT in a background job of a script) stays
            // ignored: it was not meant to end this program.
            let previous = signal(number, SIG_IGN)
            guard !isIgnore(previous) else { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll(then: {
                    // Dispatch blocks the signal to read it; unblocked here and raised at this
                    // thread, it takes its default action: the process ends.
                    signal(number, SIG_DFL)
                    var set = sigset_t()
                    sigemptyset(&set)
                    sigaddset(&set, number)
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
    private static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
