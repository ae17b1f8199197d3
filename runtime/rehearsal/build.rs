//! With `FXCHAIN_REHEARSAL_WASM` set, builds this crate's wasm, which is fxchain-runtime with
//! the `upgrade-rehearsal` feature, into
//! `$CARGO_TARGET_DIR/release/wbuild/fxchain-runtime-rehearsal/`. Without it, nothing: normal
//! builds of the workspace pay nothing for the rehearsal. `build_rehearsal_wasm` in
//! `scripts/env.sh` sets it and shares the normal runtime's wasm dependencies.

fn main() {
	println!("cargo:rerun-if-env-changed=FXCHAIN_REHEARSAL_WASM");
	#[cfg(feature = "std")]
	if std::env::var_os("FXCHAIN_REHEARSAL_WASM").is_some() {
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-rehearsal")
			.build();
	}
}
