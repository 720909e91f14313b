#ifndef LENET5_INCBIN_H
#define LENET5_INCBIN_H

// Files built into the binary with the assembler's .incbin, which copies a file into read-only
// data. Files are found through the header search path ../../Assets (Package.swift). The build
// system does not see this dependency: after changing a file under Assets that is built in, touch
// the .c file that names it (tests compare every built-in copy with its file).
//
// Mach-O (macOS) and ELF (Linux) name the read-only section differently, and Mach-O puts an
// underscore before every C name (__USER_LABEL_PREFIX__); the rest is the same assembler. The size
// is worked out by the assembler, between a symbol and a local label (`1:`) inside one block, so no
// linker (ld64 may move blocks that begin at a symbol) can change it.
#define LENET5_STRING(x) #x
#define LENET5_EXPANDED_STRING(x) LENET5_STRING(x)
#define LENET5_SYMBOL(name) LENET5_EXPANDED_STRING(__USER_LABEL_PREFIX__) #name

#if defined(__APPLE__)
#define LENET5_READ_ONLY_SECTION ".section __TEXT,__const\n"
#define LENET5_PREVIOUS_SECTION ".text\n"
#else
#define LENET5_READ_ONLY_SECTION ".section .rodata\n"
#define LENET5_PREVIOUS_SECTION ".previous\n"
#endif

// Defines `symbol`, the bytes of Assets/`path`, 64-byte aligned, and `symbol_size`, their number.
// Hidden: defined in this binary, so the code addresses them directly rather than through the GOT.
#define LENET5_INCBIN(symbol, path)                                                           \
    __attribute__((visibility("hidden"))) extern const unsigned char symbol[];                \
    __attribute__((visibility("hidden"))) extern const unsigned long long symbol##_size;      \
    __asm__(LENET5_READ_ONLY_SECTION ".balign 64\n" LENET5_SYMBOL(symbol) ":\n"               \
            ".incbin \"" path "\"\n"                                                          \
            "1:\n"                                                                            \
            ".balign 8\n" LENET5_SYMBOL(symbol##_size) ":\n"                                  \
            ".quad 1b - " LENET5_SYMBOL(symbol) "\n" LENET5_PREVIOUS_SECTION)

#endif
