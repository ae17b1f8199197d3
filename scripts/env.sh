# Sourced by the other scripts: one build directory for every checkout, CI and session, and the
# system tools a Substrate build needs, installed when missing.

FXCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FXCHAIN_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/fxchain/target}"
# The wasm runtime is built in a nested cargo project under CARGO_TARGET_DIR; this points it back
# at the checkout so that it honours Cargo.lock.
export WASM_BUILD_WORKSPACE_HINT="$FXCHAIN_ROOT"
export FXCHAIN_NODE="${FXCHAIN_NODE:-$CARGO_TARGET_DIR/release/fxchain-node}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "need root for: $*" >&2
		return 1
	fi
}

# protoc (networking crates), the wasm32v1-none target (the runtime), Node.js/npm (tests).
ensure_tools() {
	if ! command -v protoc >/dev/null; then
		log "installing protobuf-compiler"
		as_root apt-get update -qq && as_root apt-get install -y -qq protobuf-compiler >/dev/null
	fi
	if ! rustup target list --installed | grep -qx wasm32v1-none; then
		log "adding the wasm32v1-none target"
		rustup target add wasm32v1-none
	fi
	if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then
		rustup component add clippy rustfmt
	fi
}

ensure_npm_packages() { # <dir>
	if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
		log "npm packages in $1"
		(cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

build_node() {
	log "building fxchain-node (release; from cold, 20 to 50 minutes on 2 cores)"
	(cd "$FXCHAIN_ROOT" && cargo build --locked --release -p fxchain-node)
}

# The upgrade-rehearsal runtime (runtime/rehearsal: spec_version + 1 and a storage migration),
# for zombienet/upgrade.test.mjs; prints the path of its compressed wasm. (`--workspace`: the
# same feature set as the other builds, so nothing else compiles again.) Its nested wasm project
# shares the normal runtime's wasm target directory, so only the crates the feature touches
# compile again (a few minutes after a runtime change; nothing when nothing changed).
export FXCHAIN_UPGRADE_WASM="${FXCHAIN_UPGRADE_WASM:-$CARGO_TARGET_DIR/release/wbuild/fxchain-runtime-rehearsal/fxchain_runtime_rehearsal.compact.compressed.wasm}"
build_rehearsal_wasm() {
	log "building the upgrade-rehearsal runtime"
	local wbuild="$CARGO_TARGET_DIR/release/wbuild"
	mkdir -p "$wbuild/fxchain-runtime-rehearsal" "$wbuild/fxchain-runtime/target"
	ln -sfn ../fxchain-runtime/target "$wbuild/fxchain-runtime-rehearsal/target"
	(cd "$FXCHAIN_ROOT" && FXCHAIN_REHEARSAL_WASM=1 cargo build --locked --release --workspace)
	echo "$FXCHAIN_UPGRADE_WASM"
}
