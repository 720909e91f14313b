import LeNet5
import Platform

/// Output for people and scripts: results on standard output, messages and progress on standard
/// error, so that `--json` output stays clean.
enum Console {
    static func error(_ message: String) {
        write("lenet5: \(message)\n", to: STDERR_FILENO)
    }

    static func note(_ message: String) {
        write(message + "\n", to: STDERR_FILENO)
    }

    /// Unbuffered, straight to the descriptor. A failure to write standard output (a full disk,
    /// `> /dev/full`) ends the program with a message and status 1: a result that did not arrive
    /// must not look like success. A failure on standard error has nowhere to be reported.
    static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Platform.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if descriptor == STDOUT_FILENO {
                    let reason = count < 0 ? String(cString: strerror(errno)) : "nothing written"
                    error("cannot write to standard output: \(reason.lowercased())")
                    exit(1)
                }
                return
            }
            written += count
        }
    }

    /// A line on standard output. Output goes through here rather than `print`, so that it is
    /// never left in a buffer when the process exits or a progress line follows on stderr.
    static func out(_ line: String = "") {
        write(line + "\n", to: STDOUT_FILENO)
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on standard error, or 80.
    static var width: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// One JSON object per line.
    static func json(_ fields: [String: JSONValue]) {
        out(JSONValue.object(fields).serialized)
    }
}

extension JSONValue {
    /// A number; NaN and infinities, which JSON lacks, become null.
    static func of(_ value: Double) -> JSONValue {
        value.isFinite ? .number(String(value)) : .null
    }

    static func of(_ value: Float) -> JSONValue {
        value.isFinite ? .number(String(value)) : .null
    }

    static func of(_ value: Int) -> JSONValue { .number(String(value)) }
}

/// "12.3 s", "4 min 05 s".
func formatDuration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    if seconds < 60 { return NumberText.fixed(seconds, 1) + " s" }
    let whole = Int(seconds.rounded())
    let rest = whole % 60
    return "\(whole / 60) min " + (rest < 10 ? "0" : "") + "\(rest) s"
}

func formatFixed(_ value: Double, digits: Int) -> String { NumberText.fixed(value, digits) }

func percent(_ share: Double, digits: Int = 2) -> String {
    NumberText.percent(share, digits: digits)
}
