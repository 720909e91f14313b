#ifndef LENET5_BUNDLED_WEIGHTS_H
#define LENET5_BUNDLED_WEIGHTS_H
#include <stddef.h>

/// The bytes of Assets/lenet5.safetensors, built into the binary so that `lenet5` runs from any
/// directory without its source tree. `count` receives their number.
const unsigned char *lenet5_bundled_weights(size_t *count);

/// The text files of Assets built into the binary (the explanations), by index: how many there
/// are, each one's path under Assets ("explanations/layers.txt"), and its bytes (`count` receives
/// their number). Out of range: NULL and 0.
size_t lenet5_bundled_text_count(void);
const char *lenet5_bundled_text_path(size_t index);
const unsigned char *lenet5_bundled_text(size_t index, size_t *count);

#endif
