#ifndef LENET5_BUNDLED_WEIGHTS_H
#define LENET5_BUNDLED_WEIGHTS_H
#include <stddef.h>

/// The bytes of Assets/lenet5.safetensors, built into the binary so that `lenet5` runs from any
/// directory without its source tree. `count` receives their number.
const unsigned char *lenet5_bundled_weights(size_t *count);

#endif
