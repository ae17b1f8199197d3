//! The regulator council governs: two thirds of it dispatch `GovernanceOrigin` calls, fewer do
//! not, outsiders cannot propose, and only the `dev` chain has a sudo key.

mod common;

use common::*;
use frame_support::assert_noop;
use fxchain_runtime::{Council, Runtime, RuntimeCall, RuntimeOrigin};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::DispatchError;

fn add_council_member(who: sp_keyring::Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::CouncilMembership(pallet_membership::Call::add_member { who: account(who).into() })
}

fn council_members() -> Vec<fxchain_runtime::AccountId> {
	pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get()
}

#[test]
fn two_thirds_of_the_council_dispatch_a_governance_call() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		let call = add_council_member(Dave);
		let (hash, index) = propose(Alice, 2, call.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &call, hash, index);

		assert_eq!(last_motion_result(), Some(Ok(())));
		assert!(council_members().contains(&account(Dave)));
	});
}

#[test]
fn a_motion_below_two_thirds_does_not_dispatch() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		// Threshold one: the motion executes at once with one aye of three members.
		propose(Alice, 1, add_council_member(Dave));

		assert_eq!(last_motion_result(), Some(Err(DispatchError::BadOrigin)));
		assert!(!council_members().contains(&account(Dave)));
	});
}

#[test]
fn a_non_member_cannot_propose() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		let call = add_council_member(Dave);
		assert_noop!(
			Council::propose(RuntimeOrigin::signed(account(Dave)), 2, Box::new(call), 100),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
	});
}

#[test]
fn one_member_acts_as_supervisor_but_not_as_governance() {
	use frame_support::traits::EnsureOrigin;
	use fxchain_runtime::configs::governance::{GovernanceOrigin, SupervisorOrigin};
	type Collective =
		pallet_collective::RawOrigin<fxchain_runtime::AccountId, pallet_collective::Instance1>;

	let member: RuntimeOrigin = Collective::Member(account(Alice)).into();
	assert!(SupervisorOrigin::try_origin(member.clone()).is_ok());
	assert!(GovernanceOrigin::try_origin(member).is_err());

	let two_of_three: RuntimeOrigin = Collective::Members(2, 3).into();
	assert!(GovernanceOrigin::try_origin(two_of_three).is_ok());
	let one_of_three: RuntimeOrigin = Collective::Members(1, 3).into();
	assert!(GovernanceOrigin::try_origin(one_of_three).is_err());
	assert!(SupervisorOrigin::try_origin(RuntimeOrigin::signed(account(Dave))).is_err());
}

#[test]
fn the_council_upgrades_code_through_governance_enact() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		// `system.setCode` needs root; the council reaches it through `governance.enact`.
		// `system.setStorage`, also root-only, stands in for it here: a real upgrade needs a
		// second wasm and is tested on a live network.
		let inner = RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b":fxchain:test".to_vec(), b"upgraded".to_vec())],
		});
		let call = RuntimeCall::Governance(pallet_governance::Call::enact {
			call: Box::new(inner.clone()),
		});
		let (hash, index) = propose(Alice, 2, call.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &call, hash, index);

		assert_eq!(last_motion_result(), Some(Ok(())));
		assert_eq!(
			sp_io::storage::get(b":fxchain:test").map(|v| v.to_vec()),
			Some(b"upgraded".to_vec())
		);

		// Without the council, the same root call is refused.
		assert_noop!(
			fxchain_runtime::Governance::enact(
				RuntimeOrigin::signed(account(Charlie)),
				Box::new(inner)
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_the_dev_chain_has_a_sudo_key() {
	ext_from_preset("dev", |_| {}).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(account(Alice)));
	});
	for preset in ["local", "staging"] {
		ext_from_preset(preset, |_| {}).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "{preset} must have no sudo key");
		});
	}
}

#[test]
fn assets_calls_are_not_part_of_the_runtime() {
	use codec::{Decode, Encode};
	// Pallet index 30 (Assets), call index 8 (`transfer`), asset 840, Bob, amount 1.
	let mut bytes = vec![30u8, 8];
	bytes.extend(codec::Compact(840u32).encode());
	bytes.push(0); // MultiAddress::Id
	bytes.extend(account(Bob).encode());
	bytes.extend(codec::Compact(1u128).encode());
	assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
}
