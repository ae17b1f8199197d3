//! Governance changes the validator set: an added validator is queued at the next session and
//! authors from the one after; the set never drops below its minimum.

mod common;

use common::*;
use frame_support::{assert_noop, assert_ok};
use fxchain_runtime::{Runtime, RuntimeCall, RuntimeOrigin, SessionKeys, ValidatorSet};
use sp_keyring::{
	Ed25519Keyring,
	Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve},
};

/// The `local` chain, where Eve has registered session keys but does not validate yet.
fn local_with_eve_keys() -> sp_io::TestExternalities {
	ext_from_preset("local", |json| {
		let keys =
			SessionKeys { babe: Eve.public().into(), grandpa: Ed25519Keyring::Eve.public().into() };
		json["session"]["nonAuthorityKeys"] =
			serde_json::json!([[account(Eve), account(Eve), keys]]);
	})
}

fn session_validators() -> Vec<fxchain_runtime::AccountId> {
	pallet_session::Validators::<Runtime>::get()
}

fn rotate_session() {
	pallet_session::Pallet::<Runtime>::rotate_session();
}

#[test]
fn a_validator_added_by_the_council_is_active_from_the_session_after_the_next() {
	local_with_eve_keys().execute_with(|| {
		let genesis_set: Vec<_> = [Alice, Bob, Charlie, Dave].into_iter().map(account).collect();
		assert_eq!(session_validators(), genesis_set);

		let call = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			who: account(Eve),
		});
		let (hash, index) = propose(Alice, 2, call.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &call, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));

		// Next session: queued, and announced to BABE as the next epoch's authorities.
		rotate_session();
		assert!(!session_validators().contains(&account(Eve)));
		let queued: Vec<_> = pallet_session::QueuedKeys::<Runtime>::get()
			.into_iter()
			.map(|(v, _)| v)
			.collect();
		assert!(queued.contains(&account(Eve)));

		// The session after: Eve validates, with her BABE and GRANDPA keys.
		rotate_session();
		assert!(session_validators().contains(&account(Eve)));
		let babe_authorities: Vec<_> = pallet_babe::Authorities::<Runtime>::get()
			.into_iter()
			.map(|(id, _)| id)
			.collect();
		assert!(babe_authorities.contains(&Eve.public().into()));
		assert!(pallet_grandpa::Pallet::<Runtime>::pending_change().is_some());
	});
}

#[test]
fn the_validator_set_never_drops_below_its_minimum() {
	local_with_eve_keys().execute_with(|| {
		// `local` starts with four validators and a minimum of three.
		assert_eq!(pallet_validator_set::MinValidators::<Runtime>::get(), 3);
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), account(Dave)));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), account(Charlie)),
			pallet_validator_set::Error::<Runtime>::TooFewValidators
		);

		rotate_session();
		rotate_session();
		assert_eq!(session_validators().len(), 3);
	});
}

#[test]
fn a_validator_without_session_keys_is_refused() {
	local_with_eve_keys().execute_with(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), account(Sr25519Keyring::Ferdie)),
			pallet_validator_set::Error::<Runtime>::NoSessionKeys
		);
	});
}
