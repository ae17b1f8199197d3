//! Chain specifications, built from the runtime's genesis presets.

use fxchain_primitives::token;
use fxchain_runtime::{genesis_config_presets as presets, WASM_BINARY};
use sc_service::{ChainType, Properties};

/// A chain specification with no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token properties that tell Polkadot.js Apps how to show amounts and addresses.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), token::SYMBOL.into());
	properties.insert("tokenDecimals".into(), token::DECIMALS.into());
	properties.insert("ss58Format".into(), token::SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm =
		WASM_BINARY.ok_or_else(|| "the node was built without its wasm runtime".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_protocol_id("fxc")
		.with_properties(properties())
		.build())
}

/// One validator (Alice), sudo, one-minute sessions.
pub fn dev() -> Result<ChainSpec, String> {
	from_preset("fxchain dev", "fxchain_dev", ChainType::Development, presets::DEV)
}

/// Four validators (Alice, Bob, Charlie, Dave), no sudo.
pub fn local() -> Result<ChainSpec, String> {
	from_preset("fxchain local", "fxchain_local", ChainType::Local, presets::LOCAL)
}

/// The consortium template: replace its keys before launch (`scripts/consortium-spec.sh`).
pub fn staging() -> Result<ChainSpec, String> {
	from_preset("fxchain staging", "fxchain_staging", ChainType::Live, presets::STAGING)
}
