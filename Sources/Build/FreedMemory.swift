#if canImport(Glibc)
import Glibc
#endif

/// glibc keeps memory freed by a stage in its arenas (one per thread that allocated it), where a later
/// stage on other threads, or with other sizes, does not reuse it: at 100,000 pages a build's resident
/// memory grew by the records written to the cache although they were freed. Handing it back to the
/// system at a stage boundary costs a few milliseconds. Only for a site large enough for memory to be
/// the constraint (above the bodies-in-memory limit): below it, the trims were 0.1 s of system time in
/// a 10,000-page build and bought nothing.
enum FreedMemory {
    #if canImport(Glibc)
    /// `malloc_trim` is glibc's own (not in Swift's Glibc module): looked up once, absent elsewhere.
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(nil, "malloc_trim").map {
        unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self)
    }
    #endif

    static func release(_ wanted: Bool) {
        #if canImport(Glibc)
        if wanted { _ = trim?(0) }
        #endif
    }
}
