#ifndef OKC_FUZZ_DRIVER_H
#define OKC_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with the command line, calling `test` for each input.
/// SwiftPM renames an executable's entry point to `<Target>_main` and points `main` at it,
/// so libFuzzer's own `main` is never linked: each target's entry calls this instead.
int okc_fuzz_run(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
