#!/usr/bin/env bash
# Regenerate chain-specs/local.json and chain-specs/staging.json from the runtime's presets.
# Never edit those files by hand: change the preset (runtime/src/genesis_config_presets.rs) and
# run this script.
set -euo pipefail
source "$(dirname "$0")/env.sh"
# Always the normal build: `scripts/benchmark.sh` leaves a benchmarking node at the same path,
# whose runtime must never reach a chain spec. Warm, this is a cargo no-op.
build_node
for chain in local staging; do
	"$FXCHAIN_NODE" export-chain-spec --chain "$chain" >"$FXCHAIN_ROOT/chain-specs/$chain.json"
	log "chain-specs/$chain.json"
done
