// The C library, under whichever name this platform gives it. Code that needs libc imports
// `Platform` rather than choosing between Glibc and Darwin in every file; what differs between the
// platforms beyond the module's name belongs here too.
#if canImport(Darwin)
    @_exported import Darwin
#elseif canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#else
    #error("lenet5 knows the C libraries of macOS (Darwin) and Linux (Glibc, Musl)")
#endif
