#if canImport(Glibc)
import Glibc
#endif

/// The previous `sources.bin`, open while the new one is written: an unchanged record's bytes are
/// copied from it instead of being kept in memory from the load to the save (a 100,000-page site's
/// are ~200 MB). Used only while the file is the one the records were read from.
final class PreviousRecords {
    private let fd: Int32

    /// Nil unless `path` is still the file read, by its stamp (size, times, inode).
    init?(path: String, stamp: FileSystem.Stamp) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, FileSystem.Stamp(info) == stamp else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// The bytes at `range` of the file; nil if they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? { FileSystem.read(fd, count: range.count, at: range.lowerBound) }
}
