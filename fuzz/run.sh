#!/usr/bin/env bash
# Builds the fuzz targets with the stable toolchain (libFuzzer via libfuzzer-sys, coverage
# from rustc's SanitizerCoverage pass) and runs one.
#
#   fuzz/run.sh build                 build both targets
#   fuzz/run.sh load [SECONDS]        fuzz the data loader (default 600 s)
#   fuzz/run.sh markup [SECONDS]      fuzz the Markdown and Typst escapers
#
# Extra arguments after SECONDS go to libFuzzer (e.g. -jobs=2). Findings land in
# fuzz/artifacts/<target>/; the growing corpus in fuzz/corpus/<target>/ (seeds are committed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target_triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cdebug-assertions -Coverflow-checks"
build() {
  # --target keeps the instrumentation off build scripts and proc macros.
  cargo build --release --manifest-path "$here/Cargo.toml" --target "$target_triple" --bins
}
cmd="${1:-build}"
case "$cmd" in
  build) build ;;
  load|markup)
    seconds="${2:-600}"
    shift $(( $# >= 2 ? 2 : 1 ))
    build
    mkdir -p "$here/corpus/$cmd" "$here/artifacts/$cmd"
    dict=()
    [ -f "$here/dict/$cmd.dict" ] && dict=("-dict=$here/dict/$cmd.dict")
    exec "$here/target/$target_triple/release/$cmd" \
      "$here/corpus/$cmd" "$here/seeds/$cmd" \
      -artifact_prefix="$here/artifacts/$cmd/" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 "${dict[@]}" "$@" ;;
  *) echo "usage: $0 build | load [SECONDS] | markup [SECONDS]" >&2; exit 2 ;;
esac
