import CFetch
import LeNet5

/// Why one attempt at one URL failed.
public enum DownloadFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status (404 and so on).
    case httpStatus(Int)
    /// No connection: the name does not resolve, the host refuses or does not answer, TLS fails.
    /// Nothing more is asked of that mirror.
    case unreachable(String)
    /// Not one byte for this many seconds.
    case stalled(seconds: Int)
    /// The connection ended before the whole file came.
    case cutShort(String)
    /// The file came but is not the published one.
    case checksumMismatch(MNISTArchive.Verdict)
    /// The partial file could not be written.
    case cannotWrite(path: String, errno: Int32)
    /// libcurl, which does the transfers, is missing or broken.
    case noHTTPLibrary(String)
    /// Anything else libcurl reports, in its words.
    case transfer(String)

    public var description: String {
        switch self {
        case .httpStatus(let status): return "HTTP \(status)"
        case .unreachable(let reason): return "unreachable (\(reason))"
        case .stalled(let seconds): return "stalled: no data for \(seconds) s"
        case .cutShort(let reason): return "cut short (\(reason))"
        case .checksumMismatch(let verdict):
            guard case .differs(let md5, let sha256) = verdict else { return "checksum mismatch" }
            return "checksum mismatch (MD5 \(md5), SHA-256 \(sha256)): not the published file"
        case .cannotWrite(let path, let code): return "\(path): cannot write: \(errorText(code))"
        case .noHTTPLibrary(let reason): return reason
        case .transfer(let reason): return reason
        }
    }

    /// Whether the mirror itself is out of reach, so the other files need not try it.
    public var mirrorIsUnreachable: Bool {
        if case .unreachable = self { return true }
        return false
    }
}

/// Fetches one URL into an open file with libcurl: http, https (with the system's certificates)
/// or file.
struct Download {
    let url: String
    let connectSeconds: Int
    let stallSeconds: Int

    /// Appends the body to `descriptor`; `progress` sees the bytes so far and the announced size
    /// (0 when the server does not say).
    func run(
        into descriptor: Int32, path: String, progress: (Int64, Int64) -> Void
    ) throws(DownloadFault) {
        // The observer lives only as long as this call, and so does the closure it holds.
        let (code, result, received) = withoutActuallyEscaping(progress) { progress in
            let observer = ProgressObserver(progress)
            var result = lenet5_transfer()
            let code = withExtendedLifetime(observer) {
                lenet5_curl_get(
                    url, descriptor, connectSeconds, stallSeconds,
                    { context, received, total in
                        guard let context else { return }
                        Unmanaged<ProgressObserver>.fromOpaque(context).takeUnretainedValue()
                            .report(received, total)
                    }, Unmanaged.passUnretained(observer).toOpaque(), &result)
            }
            return (code, result, observer.received)
        }
        guard code != 0 else { return }
        throw fault(code: Int(code), result: result, path: path, received: received)
    }

    /// libcurl's error codes (curl.h) sorted into what a person can act on.
    func fault(code: Int, result: lenet5_transfer, path: String, received: Int64) -> DownloadFault {
        let message = withUnsafeBytes(of: result.message) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        switch code {
        case -1: return .noHTTPLibrary(message)
        case 22: return .httpStatus(result.http_status)
        // Proxy or host name unknown, connection refused, TLS handshake or certificate failed.
        case 5, 6, 7, 35, 60: return .unreachable(message)
        // A timeout before any answer is a host that does not answer; after one, a stall.
        case 28:
            return result.http_status == 0 && received == 0
                ? .unreachable("no answer: \(message)") : .stalled(seconds: stallSeconds)
        // Partial file, nothing received, a broken connection.
        case 18, 52, 56: return .cutShort(message)
        case 23: return .cannotWrite(path: path, errno: result.write_errno)
        default: return .transfer(message.isEmpty ? "libcurl error \(code)" : message)
        }
    }
}

/// Carries the progress callback through libcurl's C callback, and remembers how far it got.
private final class ProgressObserver {
    let handler: (Int64, Int64) -> Void
    var received: Int64 = 0

    init(_ handler: @escaping (Int64, Int64) -> Void) { self.handler = handler }

    func report(_ received: Int64, _ total: Int64) {
        // libcurl calls several times a second even when nothing arrives.
        guard received != self.received || received == 0 else { return }
        self.received = received
        handler(received, total)
    }
}
