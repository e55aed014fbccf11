#if canImport(Glibc)
import Glibc
#endif

/// The allocator keeps memory freed by a stage (glibc in its arenas, one per thread that allocated it;
/// jemalloc, which okc's release build links on Linux, in its dirty pages until they decay), where a later
/// stage on other threads, or with other sizes, does not reuse it: at 100,000 pages a build's resident
/// memory grew by the records written to the cache although they were freed. Handing it back to the
/// system at a stage boundary costs a few milliseconds. Only for a site large enough for memory to be
/// the constraint (above the bodies-in-memory limit): below it, the trims were 0.1 s of system time in
/// a 10,000-page build and bought nothing.
enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private typealias Control = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32
    /// Neither is in Swift's Glibc module, and jemalloc's is there only when it is linked: looked up once.
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    private static let control: Control? = dlsym(nil, "mallctl").map { unsafeBitCast($0, to: Control.self) }
    #endif

    static func release(_ wanted: Bool) {
        #if canImport(Glibc)
        guard wanted else { return }
        if let control {
            // Every arena's unused dirty pages back to the system now (4096 is MALLCTL_ARENAS_ALL).
            _ = control("arena.4096.purge", nil, nil, nil, 0)
        } else {
            _ = trim?(0)
        }
        #endif
    }
}
