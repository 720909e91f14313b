#include "BundledWeights.h"
#include "Incbin.h"

LENET5_INCBIN(lenet5_weights, "lenet5.safetensors");

const unsigned char *lenet5_bundled_weights(size_t *count) {
    *count = (size_t)lenet5_weights_size;
    return lenet5_weights;
}
