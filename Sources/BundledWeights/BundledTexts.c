#include "BundledWeights.h"
#include "Incbin.h"

// The texts a teacher can edit and their documentation, the lessons (in the order of a course) and
// the sample drawings, built in so that the installed binary explains, tours and loads samples
// without them beside it (`lenet5 explanations --out DIR` writes copies of the explanations to
// edit, which `lenet5 draw --explanations DIR` reads instead). After editing one of these files,
// touch this one; a test checks that every file of Assets/lessons and Assets/samples is listed
// here and that each built-in copy equals its file.
LENET5_INCBIN(lenet5_explanations_layers, "explanations/layers.txt");
LENET5_INCBIN(lenet5_explanations_views, "explanations/views.txt");
LENET5_INCBIN(lenet5_explanations_readme, "explanations/README.md");
LENET5_INCBIN(lenet5_lessons_reading, "lessons/reading.txt");
LENET5_INCBIN(lenet5_lessons_preprocessing, "lessons/preprocessing.txt");
LENET5_INCBIN(lenet5_lessons_kernels, "lessons/kernels.txt");
LENET5_INCBIN(lenet5_samples_continental_seven, "samples/continental-seven.txt");
LENET5_INCBIN(lenet5_samples_eight_in_a_corner, "samples/eight-in-a-corner.txt");
LENET5_INCBIN(lenet5_samples_eight, "samples/eight.txt");
LENET5_INCBIN(lenet5_samples_five, "samples/five.txt");
LENET5_INCBIN(lenet5_samples_four_like_nine, "samples/four-like-nine.txt");
LENET5_INCBIN(lenet5_samples_four, "samples/four.txt");
LENET5_INCBIN(lenet5_samples_nine, "samples/nine.txt");
LENET5_INCBIN(lenet5_samples_one, "samples/one.txt");
LENET5_INCBIN(lenet5_samples_seven, "samples/seven.txt");
LENET5_INCBIN(lenet5_samples_six, "samples/six.txt");
LENET5_INCBIN(lenet5_samples_smiley, "samples/smiley.txt");
LENET5_INCBIN(lenet5_samples_stroke_across, "samples/stroke-across.txt");
LENET5_INCBIN(lenet5_samples_stroke_down, "samples/stroke-down.txt");
LENET5_INCBIN(lenet5_samples_stroke_falling, "samples/stroke-falling.txt");
LENET5_INCBIN(lenet5_samples_stroke_ring, "samples/stroke-ring.txt");
LENET5_INCBIN(lenet5_samples_stroke_rising, "samples/stroke-rising.txt");
LENET5_INCBIN(lenet5_samples_thin_one, "samples/thin-one.txt");
LENET5_INCBIN(lenet5_samples_three, "samples/three.txt");
LENET5_INCBIN(lenet5_samples_tiny_six, "samples/tiny-six.txt");
LENET5_INCBIN(lenet5_samples_two, "samples/two.txt");
LENET5_INCBIN(lenet5_samples_zero, "samples/zero.txt");

struct lenet5_bundled_text {
    const char *path;
    const unsigned char *bytes;
    const unsigned long long *size;
};

#define LENET5_TEXT(path, symbol) {path, symbol, &symbol##_size}

static const struct lenet5_bundled_text texts[] = {
    LENET5_TEXT("explanations/layers.txt", lenet5_explanations_layers),
    LENET5_TEXT("explanations/views.txt", lenet5_explanations_views),
    LENET5_TEXT("explanations/README.md", lenet5_explanations_readme),
    LENET5_TEXT("lessons/reading.txt", lenet5_lessons_reading),
    LENET5_TEXT("lessons/preprocessing.txt", lenet5_lessons_preprocessing),
    LENET5_TEXT("lessons/kernels.txt", lenet5_lessons_kernels),
    LENET5_TEXT("samples/continental-seven.txt", lenet5_samples_continental_seven),
    LENET5_TEXT("samples/eight-in-a-corner.txt", lenet5_samples_eight_in_a_corner),
    LENET5_TEXT("samples/eight.txt", lenet5_samples_eight),
    LENET5_TEXT("samples/five.txt", lenet5_samples_five),
    LENET5_TEXT("samples/four-like-nine.txt", lenet5_samples_four_like_nine),
    LENET5_TEXT("samples/four.txt", lenet5_samples_four),
    LENET5_TEXT("samples/nine.txt", lenet5_samples_nine),
    LENET5_TEXT("samples/one.txt", lenet5_samples_one),
    LENET5_TEXT("samples/seven.txt", lenet5_samples_seven),
    LENET5_TEXT("samples/six.txt", lenet5_samples_six),
    LENET5_TEXT("samples/smiley.txt", lenet5_samples_smiley),
    LENET5_TEXT("samples/stroke-across.txt", lenet5_samples_stroke_across),
    LENET5_TEXT("samples/stroke-down.txt", lenet5_samples_stroke_down),
    LENET5_TEXT("samples/stroke-falling.txt", lenet5_samples_stroke_falling),
    LENET5_TEXT("samples/stroke-ring.txt", lenet5_samples_stroke_ring),
    LENET5_TEXT("samples/stroke-rising.txt", lenet5_samples_stroke_rising),
    LENET5_TEXT("samples/thin-one.txt", lenet5_samples_thin_one),
    LENET5_TEXT("samples/three.txt", lenet5_samples_three),
    LENET5_TEXT("samples/tiny-six.txt", lenet5_samples_tiny_six),
    LENET5_TEXT("samples/two.txt", lenet5_samples_two),
    LENET5_TEXT("samples/zero.txt", lenet5_samples_zero),
};

size_t lenet5_bundled_text_count(void) { return sizeof texts / sizeof texts[0]; }

const char *lenet5_bundled_text_path(size_t index) {
    return index < lenet5_bundled_text_count() ? texts[index].path : 0;
}

const unsigned char *lenet5_bundled_text(size_t index, size_t *count) {
    if (index >= lenet5_bundled_text_count()) {
        *count = 0;
        return 0;
    }
    *count = (size_t)*texts[index].size;
    return texts[index].bytes;
}
