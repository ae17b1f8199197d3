#!/usr/bin/env bash
# Four-validator network tests of fxchain-node, all on 127.0.0.1:
#   1. zombienet (native provider) spawns alice..dave from `local` and runs local.zndsl
#      (up, block height >= 10, finalised >= 10, lag < 5);
#   2. fault.test.mjs starts its own four validators (network.mjs) and kills, stops and restarts
#      them: finality, catch-up, nothing lost, no fork;
#   3. upgrade.test.mjs has the council upgrade a live network to the upgrade-rehearsal runtime
#      ($FXCHAIN_UPGRADE_WASM, from `build_rehearsal_wasm` in scripts/env.sh) with a storage
#      migration, and checks that nothing changed but the code.
#
# The binary: $FXCHAIN_NODE, else $ZOMBIENET_NODE, else
# ${CARGO_TARGET_DIR:-$HOME/.cache/fxchain/target}/release/fxchain-node.
# `run.sh zombienet`, `run.sh fault` or `run.sh upgrade` runs one part only. The fault and
# upgrade tests use @polkadot/api from e2e/node_modules (installed here when missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
default_bin="${CARGO_TARGET_DIR:-$HOME/.cache/fxchain/target}/release/fxchain-node"
bin="${FXCHAIN_NODE:-${ZOMBIENET_NODE:-$default_bin}}"
if [[ ! -x "$bin" ]]; then
  echo "fxchain-node not found at $bin: build it (cargo build --release -p fxchain-node) or set FXCHAIN_NODE" >&2
  exit 1
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
export FXCHAIN_NODE="$bin" ZOMBIENET_NODE="$bin"

cd "$here"
if [[ ! -d node_modules/@zombienet/cli ]]; then
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
fi
if [[ ! -d ../e2e/node_modules/@polkadot/api ]]; then
  (cd ../e2e && npm ci --no-audit --no-fund)
fi
mkdir -p logs

what="${1:-all}"
status=0

if [[ "$what" == all || "$what" == zombienet ]]; then
  # Network files (chain spec, node logs) under logs/, kept for a failing run.
  net_dir="$here/logs/zombienet-$(date +%Y%m%dT%H%M%S)"
  echo "== zombienet: local.zndsl (network files in $net_dir)"
  start=$SECONDS
  if npx zombienet --provider native --logType text --force --dir "$net_dir" test local.zndsl; then
    echo "== zombienet: passed in $((SECONDS - start)) s"
    rm -rf "$net_dir" # 15 MB of chain data and specs; a failing run keeps its directory
  else
    status=1
    echo "== zombienet: FAILED after $((SECONDS - start)) s; node logs:" >&2
    for log in "$net_dir"/*.log; do
      [[ -f "$log" ]] || continue
      echo "----- tail of $log" >&2
      tail -n 30 "$log" >&2
    done
  fi
  # zombienet stops the nodes it spawned when the test ends.
fi

# One node:test file: `run_part <name> <file>`.
run_part() {
  [[ "$what" == all || "$what" == "$1" ]] || return 0
  echo "== $1 test: $2"
  start=$SECONDS
  if node --test "$2"; then
    echo "== $1 test: passed in $((SECONDS - start)) s"
  else
    status=1
    echo "== $1 test: FAILED after $((SECONDS - start)) s (logs in $here/logs)" >&2
  fi
}
run_part fault fault.test.mjs
run_part upgrade upgrade.test.mjs

exit $status
