#include "BundledWeights.h"

// The assembler's .incbin copies the file into read-only data; the file is found through the
// header search path ../../Assets (Package.swift). The build system does not see this dependency:
// after replacing Assets/lenet5.safetensors, touch this file (a test compares the two).
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

// Hidden: defined in this file, so the code addresses them directly rather than through the GOT.
__attribute__((visibility("hidden"))) extern const unsigned char lenet5_weights[];
__attribute__((visibility("hidden"))) extern const unsigned long long lenet5_weights_size;  // .quad
__asm__(
    LENET5_READ_ONLY_SECTION
    ".balign 64\n"
    LENET5_SYMBOL(lenet5_weights) ":\n"
    ".incbin \"lenet5.safetensors\"\n"
    "1:\n"
    ".balign 8\n"
    LENET5_SYMBOL(lenet5_weights_size) ":\n"
    ".quad 1b - " LENET5_SYMBOL(lenet5_weights) "\n"
    LENET5_PREVIOUS_SECTION);

const unsigned char *lenet5_bundled_weights(size_t *count) {
    *count = (size_t)lenet5_weights_size;
    return lenet5_weights;
}
