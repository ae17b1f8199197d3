#!/usr/bin/env bash
# Build the node if needed and start a development chain: one validator (Alice), sudo Alice,
# fresh state on every start, RPC on ws://127.0.0.1:9944 (loopback only).
#
#   ./scripts/run.sh                 # the dev chain
#   ./scripts/run.sh --rpc-port 9955 # extra flags go to fxchain-node
set -euo pipefail
source "$(dirname "$0")/env.sh"
ensure_tools
build_node
log "dev chain on ws://127.0.0.1:9944 -- open https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944"
exec "$FXCHAIN_NODE" --dev --tmp --rpc-port 9944 "$@"
