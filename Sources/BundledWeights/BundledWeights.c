#include "BundledWeights.h"

// The assembler's .incbin copies the file into read-only data; the file is found through the
// header search path ../../Assets (Package.swift). The build system does not see this dependency:
// after replacing Assets/lenet5.safetensors, touch this file (a test compares the two).
extern const unsigned char lenet5_weights_start[];
extern const unsigned char lenet5_weights_end[];
__asm__(
    ".section .rodata\n"
    ".balign 64\n"
    "lenet5_weights_start:\n"
    ".incbin \"lenet5.safetensors\"\n"
    "lenet5_weights_end:\n"
    ".previous\n");

const unsigned char *lenet5_bundled_weights(size_t *count) {
    *count = (size_t)(lenet5_weights_end - lenet5_weights_start);
    return lenet5_weights_start;
}
