import Foundation
import Platform

/// A tiny HTTP/1.1 server on 127.0.0.1 (a port the system picks), for testing downloads without
/// the internet. Each path gets a scripted reply, including the ways real servers fail.
public final class LocalHTTPServer: @unchecked Sendable {
    public enum Reply: Sendable {
        /// 200 with the bytes and their length.
        case file([UInt8])
        /// This status and a short text body.
        case status(Int)
        /// 302 to another URL.
        case redirect(String)
        /// Announces all the bytes, sends the first `sent`, then closes the connection.
        case cutShort([UInt8], sent: Int)
        /// Announces all the bytes, sends the first `sent`, then says nothing more, with the
        /// connection open, until the server stops.
        case stall([UInt8], sent: Int)
    }

    public let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var routes: [String: Reply]
    private var requested = [String]()
    private var connections = Set<Int32>()
    private var stopped = false
    private let stop = DispatchSemaphore(value: 0)

    /// The base URL: "http://127.0.0.1:PORT".
    public var url: String { "http://127.0.0.1:\(port)" }

    /// The paths asked for so far, in order.
    public var requests: [String] { lock.withLock { requested } }

    public init(routes: [String: Reply]) throws {
        self.routes = routes
        #if os(Linux)
            let stream = Int32(SOCK_STREAM.rawValue)
        #else
            let stream = SOCK_STREAM
        #endif
        let listener = socket(AF_INET, stream, 0)
        guard listener >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
        // The thread holds the server weakly, so that dropping the server stops it. Only this
        // thread closes the listener, and descriptors are closed and shut down under the lock:
        // tests run in parallel in one process, and a descriptor number closed too early would be
        // reused by another test's socket.
        Thread.detachNewThread { [weak self] in
            while true {
                var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, 100)
                guard let server = self, !server.isStopped else { break }
                if ready > 0 { server.acceptConnection() }
            }
            close(listener)
        }
    }

    /// Changes or adds a route while the server runs.
    public func set(_ path: String, _ reply: Reply) {
        lock.withLock { routes[path] = reply }
    }

    /// Stops accepting, and ends every connection still open (a stalled one included).
    public func stopServing() {
        let open: Int = lock.withLock {
            guard !stopped else { return 0 }
            stopped = true
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
            return connections.count
        }
        for _ in 0..<open { stop.signal() }
    }

    deinit { stopServing() }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptConnection() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        let accepted = lock.withLock {
            if stopped {
                close(connection)
                return false
            }
            connections.insert(connection)
            return true
        }
        guard accepted else { return }
        Thread.detachNewThread { [self] in
            serve(connection)
            lock.withLock {
                connections.remove(connection)
                close(connection)
            }
        }
    }

    private func serve(_ connection: Int32) {
        guard let path = readRequestPath(connection) else { return }
        let reply = lock.withLock {
            requested.append(path)
            return routes[path] ?? .status(404)
        }
        switch reply {
        case .file(let bytes):
            transmit(connection, header(200, length: bytes.count) + bytes)
        case .status(let code):
            let body = Array("status \(code)\n".utf8)
            transmit(connection, header(code, length: body.count) + body)
        case .redirect(let location):
            transmit(connection, header(302, length: 0, extra: "Location: \(location)\r\n"))
        case .cutShort(let bytes, let sent):
            transmit(connection, header(200, length: bytes.count) + bytes.prefix(sent))
        case .stall(let bytes, let sent):
            transmit(connection, header(200, length: bytes.count) + bytes.prefix(sent))
            // Silent until the server stops, at most a minute: the client must give up first.
            _ = stop.wait(timeout: .now() + 60)
        }
    }

    private func header(_ status: Int, length: Int, extra: String = "") -> [UInt8] {
        let reason = [200: "OK", 302: "Found", 404: "Not Found", 500: "Internal Server Error"]
        return Array(
            ("HTTP/1.1 \(status) \(reason[status] ?? "Status")\r\n"
                + "Content-Length: \(length)\r\nContent-Type: application/octet-stream\r\n"
                + "Connection: close\r\n\(extra)\r\n").utf8)
    }

    /// The path of a GET request, read up to the blank line that ends its header.
    private func readRequestPath(_ connection: Int32) -> String? {
        var received = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !received.ends(with: [13, 10, 13, 10]) && received.count < 65536 {
            let count = chunk.withUnsafeMutableBytes {
                recv(connection, $0.baseAddress, $0.count, 0)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            received += chunk[0..<count]
        }
        let line = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0] == "GET" else { return nil }
        return String(words[1])
    }

    private func transmit(_ connection: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                #if os(Linux)
                    Platform.send(
                        connection, buffer.baseAddress! + sent, buffer.count - sent,
                        Int32(MSG_NOSIGNAL))
                #else
                    Darwin.transmit(connection, buffer.baseAddress! + sent, buffer.count - sent, 0)
                #endif
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
