#!/usr/bin/env bash
# Regenerate the runtime's weights from benchmarks, on this machine:
#
#   scripts/benchmark.sh                            everything below
#   scripts/benchmark.sh kyc pallet_balances overhead   only these
#
# - fxchain's pallets (a directory name under pallets/): `pallets/<name>/src/weights.rs`, through
#   `scripts/weight-template.hbs`;
# - the polkadot-sdk pallets the runtime composes (`pallet_balances`, `frame_system`, ...; the list
#   is $SDK_PALLETS below): `runtime/src/weights/<pallet>.rs`, through the CLI's own template;
# - `overhead`: an empty block and a no-op extrinsic, `runtime/src/weights/block_weights.rs` and
#   `extrinsic_weights.rs`.
#
# Builds fxchain-node with `--features runtime-benchmarks` (kept out of the normal build: it pulls
# the benchmark CLI's dependency tree; about 40 minutes the first time on 2 cores), then runs
# `fxchain-node benchmark pallet|overhead` over the dev genesis. STEPS and REPEAT override the
# sampling (50 and 20); BUILD=0 reuses the benchmarking node already built. Run it on a quiet machine: a compile alongside inflates every weight.
#
# The build replaces target/release/fxchain-node with the benchmarking node; the next normal build
# (scripts/run.sh, scripts/test.sh) puts the normal one back from cargo's cache.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$FXCHAIN_ROOT"
ensure_tools

steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
# The polkadot-sdk pallets whose calls the runtime charges (pallet-session's benchmarks are the
# runtime's own: runtime/src/benchmarks/session.rs).
SDK_PALLETS=(frame_system frame_system_extensions pallet_balances pallet_timestamp
	pallet_transaction_payment pallet_utility pallet_identity pallet_collective pallet_membership
	pallet_sudo pallet_session)
if [ "$#" -gt 0 ]; then names=("$@"); else
	names=()
	for dir in pallets/*/; do names+=("$(basename "$dir")"); done
	names+=("${SDK_PALLETS[@]}" overhead)
fi

if [ "${BUILD:-1}" != 0 ]; then
	log "building fxchain-node with runtime-benchmarks"
	# The benchmark CLI's storage-access test runtime (for `benchmark storage`, not used here)
	# cannot find itself in our workspace's metadata, where it is an optional dependency.
	export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
	# The load tool (bench/) measures a running node, not the runtime: left out.
	cargo build --locked --release --workspace --exclude fxchain-bench \
		--features fxchain-node/runtime-benchmarks
fi

# `bench_pallet <pallet> <chain> <output> [template args]`
bench_pallet() {
	local pallet="$1" chain="$2" output="$3"
	shift 3
	log "benchmarking $pallet on $chain (steps $steps, repeat $repeat) into $output"
	"$FXCHAIN_NODE" benchmark pallet \
		--chain "$chain" \
		--pallet "$pallet" \
		--extrinsic '*' \
		--wasm-execution compiled \
		--steps "$steps" \
		--repeat "$repeat" \
		--heap-pages 4096 \
		--output "$output" \
		"$@"
}

for name in "${names[@]}"; do
	if [ "$name" = overhead ]; then
		log "benchmarking the block and extrinsic overhead into runtime/src/weights/"
		"$FXCHAIN_NODE" benchmark overhead --chain dev --wasm-execution compiled \
			--weight-path runtime/src/weights
		# Unlike the pallets' template, the overhead's does not opt out of rustfmt.
		rustfmt --edition 2021 runtime/src/weights/{block,extrinsic}_weights.rs
	elif [ -d "pallets/$name" ]; then
		bench_pallet "pallet_${name//-/_}" dev "pallets/$name/src/weights.rs" \
			--template scripts/weight-template.hbs
	elif [[ " ${SDK_PALLETS[*]} " == *" $name "* ]]; then
		# pallet-identity's benchmarks number their registrars from zero: `dev` licenses two at
		# genesis, `staging` none.
		chain=dev
		[ "$name" = pallet_identity ] && chain=staging
		bench_pallet "$name" "$chain" "runtime/src/weights/$name.rs" --header scripts/weight-header.txt
	else
		log "unknown benchmark '$name': a directory under pallets/, one of ${SDK_PALLETS[*]}, or overhead"
		exit 1
	fi
done
log "weights written; review the diff and commit it with the code it measures"
