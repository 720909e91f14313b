import CFetch
import Platform

/// A file being downloaded, kept under a hidden temporary name in the folder of its final name
/// until it is complete and checked, then renamed over the final name in one step. Whatever
/// happens before that (a failure, a wrong checksum, Ctrl-C), the final name never holds a partial
/// or wrong file, and the temporary one is removed.
final class PartialFile {
    let path: String
    private var descriptor: Int32
    /// Renamed to its final name, or already removed: nothing left to remove.
    private var settled = false

    /// Creates `.NAME.part-XXXXXX` beside `directory/NAME`, exclusively, so that two runs at once
    /// never write into the same file.
    init(directory: String, name: String) throws(DownloadFault) {
        var template = Array("\(directory)/.\(name).part-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { lenet5_partial_file_create($0) } ?? -1
        }
        let path = template.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { String(cString: $0) } ?? ""
        }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, errno: errno) }
        self.descriptor = descriptor
        self.path = path
    }

    /// The open file, for the download to append to.
    var fileDescriptor: Int32 { descriptor }

    /// Makes the data durable and closes the file.
    func finishWriting() throws(DownloadFault) {
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: path, errno: errno) }
        // mkstemp creates 0600; a downloaded file is as readable as any other (0666 less umask).
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        close(descriptor)
        descriptor = -1
    }

    /// Renames the finished file to `final`, then makes the rename durable too.
    func commit(as final: String) throws(DownloadFault) {
        guard rename(path, final) == 0 else { throw .cannotWrite(path: final, errno: errno) }
        settled = true
        lenet5_partial_file_forget(path)
        let folder = String(final[..<(final.lastIndex(of: "/") ?? final.startIndex)])
        let directory = open(folder.isEmpty ? "/" : folder, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Closes and removes the temporary file; nothing once it has been committed.
    func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        // Removed whether or not the signal handlers' table held it (it has room for a few).
        guard !settled else { return }
        settled = true
        lenet5_partial_file_forget(path)
        unlink(path)
    }

    deinit { discard() }

    /// From now on SIGINT, SIGTERM and SIGHUP remove the temporary files before the process ends.
    static func removeOnSignals() { lenet5_partial_files_remove_on_signals() }
}

func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

extension MNISTFetcher {
    /// From now on SIGINT, SIGTERM and SIGHUP remove the temporary file of a download in flight
    /// before the process ends. A command line calls this once; a library user with its own
    /// signal handling need not.
    public static func removePartialFilesOnSignals() { PartialFile.removeOnSignals() }
}
