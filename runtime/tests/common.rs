//! Shared helpers of the runtime's integration tests: externalities built from the real genesis
//! presets, and council motions driven the way a council member drives them.

#![allow(dead_code)]

use codec::Encode;
use frame_support::{assert_ok, dispatch::GetDispatchInfo};
use fxchain_runtime::{
	genesis_config_presets, AccountId, Council, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::traits::Hash as _;

/// Externalities holding the genesis state of `preset`, after `patch` edits its JSON.
pub fn ext_from_preset(
	preset: &str,
	patch: impl FnOnce(&mut serde_json::Value),
) -> sp_io::TestExternalities {
	// As the node does: the runtime's default genesis, with the preset merged over it.
	let mut json = serde_json::to_value(RuntimeGenesisConfig::default()).expect("encodes");
	let bytes = genesis_config_presets::get_preset(&preset.into()).expect("the preset exists");
	merge(&mut json, serde_json::from_slice(&bytes).expect("presets are JSON"));
	patch(&mut json);
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(
			serde_json::to_vec(&json).expect("JSON encodes"),
		)
		.expect("the preset builds a genesis state");
		System::set_block_number(1);
	});
	ext
}

/// Merge `patch` into `base`: objects key by key, anything else replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

pub fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// `who` proposes `call` to the council with `threshold` ayes needed; returns its hash and index.
pub fn propose(who: Sr25519Keyring, threshold: u32, call: RuntimeCall) -> (sp_core::H256, u32) {
	let length = call.encoded_size() as u32;
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(account(who)),
		threshold,
		Box::new(call),
		length
	));
	(hash, index)
}

/// Members vote aye on a motion.
pub fn vote_aye(voters: &[Sr25519Keyring], hash: sp_core::H256, index: u32) {
	for voter in voters {
		assert_ok!(Council::vote(RuntimeOrigin::signed(account(*voter)), hash, index, true));
	}
}

/// `who` closes a motion whose call is `call`.
pub fn close(who: Sr25519Keyring, call: &RuntimeCall, hash: sp_core::H256, index: u32) {
	assert_ok!(Council::close(
		RuntimeOrigin::signed(account(who)),
		hash,
		index,
		call.get_dispatch_info().call_weight,
		call.encoded_size() as u32,
	));
}

/// The outcome of the last executed council motion.
pub fn last_motion_result() -> Option<sp_runtime::DispatchResult> {
	System::events().into_iter().rev().find_map(|record| match record.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. }) => Some(result),
		_ => None,
	})
}

/// `who`'s signed extrinsic of `call` at their next nonce, as a wallet builds it.
pub fn signed_extrinsic(
	who: Sr25519Keyring,
	call: RuntimeCall,
) -> fxchain_runtime::UncheckedExtrinsic {
	let nonce = System::account_nonce(account(who));
	fxchain_runtime::signed_transaction(&who.pair(), call, nonce, System::block_hash(0))
}

/// Whether the transaction pool would accept `who`'s `call`, as the node asks the runtime.
pub fn pool_validity(
	who: Sr25519Keyring,
	call: RuntimeCall,
) -> sp_runtime::transaction_validity::TransactionValidity {
	let extrinsic = signed_extrinsic(who, call);
	fxchain_runtime::Executive::validate_transaction(
		sp_runtime::transaction_validity::TransactionSource::External,
		extrinsic,
		System::parent_hash(),
	)
}
