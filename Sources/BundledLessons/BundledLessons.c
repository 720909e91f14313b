#include "BundledLessons.h"

// The lessons and the sample drawings, built into the binary the way BundledWeights builds in the
// weights: the assembler's .incbin copies each file into read-only data, found through the header
// search path ../../Assets (Package.swift). The build system does not see these dependencies:
// after editing a lesson or a sample, touch this file. A test checks that every file of
// Assets/lessons and Assets/samples is listed here and that each built-in copy equals its file.
//
// Mach-O (macOS) and ELF (Linux) name the read-only section differently, and Mach-O puts an
// underscore before every C name (__USER_LABEL_PREFIX__); the rest is the same assembler. Each
// size is worked out by the assembler, between a symbol and a local label inside one block, so no
// linker can change it.
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

// Defines `symbol`, the bytes of Assets/`path`, and `symbol_size`, their number. Hidden: defined
// in this binary, so the code addresses them directly rather than through the GOT.
#define LENET5_ASSET(symbol, path)                                                            \
    __attribute__((visibility("hidden"))) extern const unsigned char symbol[];                \
    __attribute__((visibility("hidden"))) extern const unsigned long long symbol##_size;      \
    __asm__(LENET5_READ_ONLY_SECTION ".balign 8\n" LENET5_SYMBOL(symbol) ":\n"                \
            ".incbin \"" path "\"\n"                                                           \
            "1:\n"                                                                            \
            ".balign 8\n" LENET5_SYMBOL(symbol##_size) ":\n"                                  \
            ".quad 1b - " LENET5_SYMBOL(symbol) "\n" LENET5_PREVIOUS_SECTION)

LENET5_ASSET(lenet5_asset_lessons_reading_txt, "lessons/reading.txt");
LENET5_ASSET(lenet5_asset_lessons_preprocessing_txt, "lessons/preprocessing.txt");
LENET5_ASSET(lenet5_asset_lessons_kernels_txt, "lessons/kernels.txt");
LENET5_ASSET(lenet5_asset_samples_continental_seven_txt, "samples/continental-seven.txt");
LENET5_ASSET(lenet5_asset_samples_eight_in_a_corner_txt, "samples/eight-in-a-corner.txt");
LENET5_ASSET(lenet5_asset_samples_eight_txt, "samples/eight.txt");
LENET5_ASSET(lenet5_asset_samples_five_txt, "samples/five.txt");
LENET5_ASSET(lenet5_asset_samples_four_like_nine_txt, "samples/four-like-nine.txt");
LENET5_ASSET(lenet5_asset_samples_four_txt, "samples/four.txt");
LENET5_ASSET(lenet5_asset_samples_nine_txt, "samples/nine.txt");
LENET5_ASSET(lenet5_asset_samples_one_txt, "samples/one.txt");
LENET5_ASSET(lenet5_asset_samples_seven_txt, "samples/seven.txt");
LENET5_ASSET(lenet5_asset_samples_six_txt, "samples/six.txt");
LENET5_ASSET(lenet5_asset_samples_smiley_txt, "samples/smiley.txt");
LENET5_ASSET(lenet5_asset_samples_stroke_across_txt, "samples/stroke-across.txt");
LENET5_ASSET(lenet5_asset_samples_stroke_down_txt, "samples/stroke-down.txt");
LENET5_ASSET(lenet5_asset_samples_stroke_falling_txt, "samples/stroke-falling.txt");
LENET5_ASSET(lenet5_asset_samples_stroke_ring_txt, "samples/stroke-ring.txt");
LENET5_ASSET(lenet5_asset_samples_stroke_rising_txt, "samples/stroke-rising.txt");
LENET5_ASSET(lenet5_asset_samples_thin_one_txt, "samples/thin-one.txt");
LENET5_ASSET(lenet5_asset_samples_three_txt, "samples/three.txt");
LENET5_ASSET(lenet5_asset_samples_tiny_six_txt, "samples/tiny-six.txt");
LENET5_ASSET(lenet5_asset_samples_two_txt, "samples/two.txt");
LENET5_ASSET(lenet5_asset_samples_zero_txt, "samples/zero.txt");

struct lenet5_lesson_asset {
    const char *path;
    const unsigned char *bytes;
    const unsigned long long *size;
};

static const struct lenet5_lesson_asset assets[] = {
    {"lessons/reading.txt", lenet5_asset_lessons_reading_txt, &lenet5_asset_lessons_reading_txt_size},
    {"lessons/preprocessing.txt", lenet5_asset_lessons_preprocessing_txt, &lenet5_asset_lessons_preprocessing_txt_size},
    {"lessons/kernels.txt", lenet5_asset_lessons_kernels_txt, &lenet5_asset_lessons_kernels_txt_size},
    {"samples/continental-seven.txt", lenet5_asset_samples_continental_seven_txt, &lenet5_asset_samples_continental_seven_txt_size},
    {"samples/eight-in-a-corner.txt", lenet5_asset_samples_eight_in_a_corner_txt, &lenet5_asset_samples_eight_in_a_corner_txt_size},
    {"samples/eight.txt", lenet5_asset_samples_eight_txt, &lenet5_asset_samples_eight_txt_size},
    {"samples/five.txt", lenet5_asset_samples_five_txt, &lenet5_asset_samples_five_txt_size},
    {"samples/four-like-nine.txt", lenet5_asset_samples_four_like_nine_txt, &lenet5_asset_samples_four_like_nine_txt_size},
    {"samples/four.txt", lenet5_asset_samples_four_txt, &lenet5_asset_samples_four_txt_size},
    {"samples/nine.txt", lenet5_asset_samples_nine_txt, &lenet5_asset_samples_nine_txt_size},
    {"samples/one.txt", lenet5_asset_samples_one_txt, &lenet5_asset_samples_one_txt_size},
    {"samples/seven.txt", lenet5_asset_samples_seven_txt, &lenet5_asset_samples_seven_txt_size},
    {"samples/six.txt", lenet5_asset_samples_six_txt, &lenet5_asset_samples_six_txt_size},
    {"samples/smiley.txt", lenet5_asset_samples_smiley_txt, &lenet5_asset_samples_smiley_txt_size},
    {"samples/stroke-across.txt", lenet5_asset_samples_stroke_across_txt, &lenet5_asset_samples_stroke_across_txt_size},
    {"samples/stroke-down.txt", lenet5_asset_samples_stroke_down_txt, &lenet5_asset_samples_stroke_down_txt_size},
    {"samples/stroke-falling.txt", lenet5_asset_samples_stroke_falling_txt, &lenet5_asset_samples_stroke_falling_txt_size},
    {"samples/stroke-ring.txt", lenet5_asset_samples_stroke_ring_txt, &lenet5_asset_samples_stroke_ring_txt_size},
    {"samples/stroke-rising.txt", lenet5_asset_samples_stroke_rising_txt, &lenet5_asset_samples_stroke_rising_txt_size},
    {"samples/thin-one.txt", lenet5_asset_samples_thin_one_txt, &lenet5_asset_samples_thin_one_txt_size},
    {"samples/three.txt", lenet5_asset_samples_three_txt, &lenet5_asset_samples_three_txt_size},
    {"samples/tiny-six.txt", lenet5_asset_samples_tiny_six_txt, &lenet5_asset_samples_tiny_six_txt_size},
    {"samples/two.txt", lenet5_asset_samples_two_txt, &lenet5_asset_samples_two_txt_size},
    {"samples/zero.txt", lenet5_asset_samples_zero_txt, &lenet5_asset_samples_zero_txt_size},
};

size_t lenet5_lesson_asset_count(void) { return sizeof assets / sizeof assets[0]; }

const char *lenet5_lesson_asset_path(size_t index) {
    return index < lenet5_lesson_asset_count() ? assets[index].path : 0;
}

const unsigned char *lenet5_lesson_asset(size_t index, size_t *count) {
    if (index >= lenet5_lesson_asset_count()) {
        *count = 0;
        return 0;
    }
    *count = (size_t)*assets[index].size;
    return assets[index].bytes;
}
