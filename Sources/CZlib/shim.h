#ifndef TALLY_CZLIB_SHIM_H
#define TALLY_CZLIB_SHIM_H
// zlib as Tally uses it: gzip decompression of `.gz` inputs.
#include <zlib.h>

/// `inflateInit2` is a macro Swift cannot import; this is the same call as a function.
static inline int tally_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
