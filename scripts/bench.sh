#!/usr/bin/env bash
# The load benchmark (bench/): a fresh dev node per workload, pre-signed transactions at a
# controlled rate, figures from the blocks. Prints one table and writes
# bench/results/latest.json (node logs beside it).
#
#   ./scripts/bench.sh                  # all four workloads, 60 s of load each (about 7 minutes)
#   ./scripts/bench.sh --smoke          # 200 transactions each, fails unless all are included
#   ./scripts/bench.sh --workload transfer,cross-border --duration 30
#   ./scripts/bench.sh --url ws://127.0.0.1:9944 --node-pid "$(pgrep -f 'fxchain-node --dev')"
#
# Run it on a quiet machine: the node and the benchmark share its cores.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FXCHAIN_ROOT"
ensure_tools
log "building the workspace (node and fxchain-bench)"
# --workspace: the same feature set as every other build, so nothing compiles twice.
cargo build --locked --release --workspace
exec "$CARGO_TARGET_DIR/release/fxchain-bench" "$@"
