#include "BundledWeights.h"
#include "Incbin.h"

// The texts a teacher can edit, and their documentation, built in so that the installed binary
// explains without them beside it (`lenet5 explanations --out DIR` writes copies to edit, which
// `lenet5 draw --explanations DIR` reads instead).
LENET5_INCBIN(lenet5_explanations_layers, "explanations/layers.txt");
LENET5_INCBIN(lenet5_explanations_views, "explanations/views.txt");
LENET5_INCBIN(lenet5_explanations_readme, "explanations/README.md");

struct lenet5_bundled_text {
    const char *path;
    const unsigned char *bytes;
    const unsigned long long *size;
};

static const struct lenet5_bundled_text texts[] = {
    {"explanations/layers.txt", lenet5_explanations_layers, &lenet5_explanations_layers_size},
    {"explanations/views.txt", lenet5_explanations_views, &lenet5_explanations_views_size},
    {"explanations/README.md", lenet5_explanations_readme, &lenet5_explanations_readme_size},
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
