#!/usr/bin/env bash
# Regenerate the weights of fxchain's pallets from their benchmarks, on this machine:
#
#   scripts/benchmark.sh                 every pallet under pallets/
#   scripts/benchmark.sh kyc governance  only these
#
# Builds fxchain-node with `--features runtime-benchmarks` (kept out of the normal build: it pulls
# the benchmark CLI's dependency tree; about 40 minutes the first time on 2 cores), then runs
# `fxchain-node benchmark pallet` over the dev genesis and writes `pallets/<name>/src/weights.rs`
# through `scripts/weight-template.hbs`. STEPS and REPEAT override the sampling (50 and 20).
#
# The build replaces target/release/fxchain-node with the benchmarking node; the next normal build
# (scripts/run.sh, scripts/test.sh) puts the normal one back from cargo's cache.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FXCHAIN_ROOT"
ensure_tools

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
if [ "$#" -gt 0 ]; then names=("$@"); else
	names=()
	for dir in pallets/*/; do names+=("$(basename "$dir")"); done
fi

log "building fxchain-node with runtime-benchmarks"
# The benchmark CLI's storage-access test runtime (for `benchmark storage`, not used here) cannot
# find itself in our workspace's metadata, where it is an optional dependency: skip its wasm.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --release --workspace --features fxchain-node/runtime-benchmarks

for name in "${names[@]}"; do
	pallet="pallet_${name//-/_}"
	log "benchmarking $pallet (steps $steps, repeat $repeat)"
	"$FXCHAIN_NODE" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--template scripts/weight-template.hbs \
		--output "pallets/$name/src/weights.rs"
done
log "weights written; review the diff and commit it with the code it measures"
