#ifndef LENET5_BUNDLED_LESSONS_H
#define LENET5_BUNDLED_LESSONS_H
#include <stddef.h>

/// The files of Assets/lessons and Assets/samples, built into the binary so that `lenet5 tour` and
/// the lessons' drawings work from any directory without the source tree. By index: how many there
/// are, each one's path under Assets ("lessons/reading.txt", "samples/seven.txt"), and its bytes
/// (`count` receives their number). Out of range: NULL and 0.
size_t lenet5_lesson_asset_count(void);
const char *lenet5_lesson_asset_path(size_t index);
const unsigned char *lenet5_lesson_asset(size_t index, size_t *count);

#endif
