#!/usr/bin/env bash
# Every test, fastest first: formatting, the node build, unit and runtime tests (with the
# benchmarks as tests), clippy, the end-to-end tests against the real binary, the load
# benchmark's smoke run, and the four-validator network tests. Everything builds in the release
# profile, once: the tests reuse the node's artifacts.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FXCHAIN_ROOT"
start=$(date +%s)
step() { log "$* (+$(($(date +%s) - start))s)"; }

ensure_tools
step "cargo fmt --check"
cargo fmt --all -- --check
step "Cargo.lock holds polkadot-sdk stable2609-2"
python3 scripts/check-sdk-versions.py
build_node
step "cargo test (pallet unit tests, runtime integration tests)"
cargo test --locked --release --workspace
step "benchmarks of fxchain's pallets, run as tests (debug, runtime-benchmarks)"
# Only the pallets: the node with this feature pulls the benchmark CLI's large dependency tree.
pallets=()
for dir in pallets/*/; do pallets+=(-p "pallet-$(basename "$dir")"); done
SKIP_WASM_BUILD=1 cargo test --locked "${pallets[@]}" --features runtime-benchmarks
step "cargo clippy -D warnings"
cargo clippy --locked --release --workspace --all-targets -- -D warnings
step "end-to-end tests (e2e/, @polkadot/api against fxchain-node --dev)"
ensure_npm_packages e2e
(cd e2e && npm test)
step "load benchmark, smoke mode (bench/: every workload on a fresh dev node, nothing lost)"
./scripts/bench.sh --smoke --json "$(mktemp -d)/smoke.json"
step "network tests (zombienet/, four validators on loopback; the upgrade's new runtime first)"
build_rehearsal_wasm
./zombienet/run.sh
step "all tests passed in $(($(date +%s) - start))s"
