// The functions are all inline, in include/VectorIntrinsics.h; SwiftPM needs a source file.
