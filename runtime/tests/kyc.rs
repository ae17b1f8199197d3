//! Digital identity on the real runtime: the door turns unverified accounts away at the pool
//! (batches included), onboarding calls pass, a registrar's attestation lets a fresh account pay
//! its own fees, and council licences keep `pallet-identity`'s registrars in step.

mod common;

use common::*;
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::{
	CountryCode, EntityType, KycLevel, KycProfile, KycProvider, Residency, Role,
};
use fxchain_runtime::{Kyc, Runtime, RuntimeCall, RuntimeOrigin, TransactionPayment};
use pallet_kyc::CheckKyc;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

fn transfer_to(dest: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(dest).into(),
		value: fxchain_primitives::token::MILLI_UNIT,
	})
}

fn refused() -> TransactionValidityError {
	InvalidTransaction::Custom(CheckKyc::<Runtime>::rejection_code()).into()
}

fn profile(person: u8) -> KycProfile {
	KycProfile {
		person: sp_core::H256::repeat_byte(person),
		entity: EntityType::Individual,
		residency: Residency::Resident,
		jurisdiction: CountryCode(*b"CN"),
		level: KycLevel::Basic,
		class: None,
	}
}

/// 2030-01-01, within the runtime's five-year limit of the test clock below.
const EXPIRY: u64 = 1_893_456_000_000;

/// The dev chain with its clock at 2026-11-30.
fn dev() -> sp_io::TestExternalities {
	let mut ext = ext_from_preset("dev", |_| {});
	ext.execute_with(|| pallet_timestamp::Now::<Runtime>::put(1_796_000_000_000));
	ext
}

#[test]
fn dev_starts_with_licensed_banks_and_verified_accounts() {
	dev().execute_with(|| {
		for bank in [Dave, Eve] {
			assert!(pallet_kyc::Licences::<Runtime>::contains_key(account(bank), Role::Registrar));
		}
		for verified in [Alice, Bob, Charlie, Dave, Eve] {
			assert!(Kyc::is_verified(&account(verified)), "{verified:?} is verified");
		}
		assert!(!Kyc::is_verified(&account(Ferdie)));
		let registrars: Vec<_> = pallet_identity::Registrars::<Runtime>::get()
			.into_iter()
			.map(|r| r.map(|r| r.account))
			.collect();
		assert_eq!(registrars, vec![Some(account(Dave)), Some(account(Eve))]);
	});
}

#[test]
fn an_unverified_accounts_transfer_is_refused_at_the_pool_even_in_a_batch() {
	dev().execute_with(|| {
		assert_eq!(pool_validity(Ferdie, transfer_to(Alice)), Err(refused()));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![transfer_to(Alice)],
		});
		assert_eq!(pool_validity(Ferdie, batch), Err(refused()));
		let as_derivative = RuntimeCall::Utility(pallet_utility::Call::as_derivative {
			index: 0,
			call: Box::new(transfer_to(Alice)),
		});
		assert_eq!(pool_validity(Ferdie, as_derivative), Err(refused()));
		// The same transfer from a verified account is fine.
		assert_ok!(pool_validity(Alice, transfer_to(Bob)));
	});
}

#[test]
fn an_unverified_account_may_onboard() {
	dev().execute_with(|| {
		let request = RuntimeCall::Identity(pallet_identity::Call::request_judgement {
			reg_index: 0,
			max_fee: 0,
		});
		assert_ok!(pool_validity(Ferdie, request));
		let info = pallet_identity::legacy::IdentityInfo::default();
		let set =
			RuntimeCall::Identity(pallet_identity::Call::set_identity { info: Box::new(info) });
		assert_ok!(pool_validity(Ferdie, set));
	});
}

#[test]
fn a_fresh_account_verified_by_a_registrar_pays_its_own_fees() {
	dev().execute_with(|| {
		let fresh = Sr25519Keyring::One;
		// One does not exist on this chain: no FXC at all.
		assert_ok!(pallet_balances::Pallet::<Runtime>::force_set_balance(
			RuntimeOrigin::root(),
			account(fresh).into(),
			0
		));
		// The door speaks first: the account needs verification, not FXC.
		assert_eq!(pool_validity(fresh, transfer_to(Alice)), Err(refused()));
		assert_ok!(Kyc::attest(
			RuntimeOrigin::signed(account(Dave)),
			account(fresh),
			profile(1),
			EXPIRY
		));

		let allowance = pallet_kyc::OnboardingAllowance::<Runtime>::get();
		assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(account(fresh)), allowance);
		assert_ok!(pool_validity(fresh, transfer_to(Alice)));
		// The allowance pays for well over a thousand such transfers.
		let extrinsic = signed_extrinsic(fresh, transfer_to(Alice));
		let length = codec::Encode::encoded_size(&extrinsic) as u32;
		let fee = TransactionPayment::query_info(extrinsic, length).partial_fee;
		assert!(fee > 0 && allowance / fee > 1_000, "fee {fee}, allowance {allowance}");
	});
}

#[test]
fn a_revoked_account_is_refused_at_once() {
	dev().execute_with(|| {
		assert_ok!(pool_validity(Alice, transfer_to(Bob)));
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(account(Dave)), account(Alice)));
		assert_eq!(pool_validity(Alice, transfer_to(Bob)), Err(refused()));
	});
}

#[test]
fn a_council_licence_keeps_the_identity_registrars_in_step() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		let license = RuntimeCall::Kyc(pallet_kyc::Call::license {
			institution: account(Ferdie),
			role: Role::Registrar,
		});
		let (hash, index) = propose(Alice, 2, license.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &license, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));
		let registrars = pallet_identity::Registrars::<Runtime>::get();
		assert_eq!(registrars.get(2).cloned().flatten().map(|r| r.account), Some(account(Ferdie)));
		// A licensed institution passes the door before anyone attests it.
		assert_ok!(pool_validity(Ferdie, transfer_to(Alice)));

		let revoke = RuntimeCall::Kyc(pallet_kyc::Call::revoke_licence {
			institution: account(Ferdie),
			role: Role::Registrar,
		});
		let (hash, index) = propose(Alice, 2, revoke.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &revoke, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));
		assert_eq!(pallet_identity::Registrars::<Runtime>::get().get(2).cloned(), Some(None));
		assert_eq!(pool_validity(Ferdie, transfer_to(Alice)), Err(refused()));
	});
}

#[test]
fn one_council_member_suspends_a_credential_and_only_governance_lifts_it() {
	ext_from_preset("local", |_| {}).execute_with(|| {
		let suspend = RuntimeCall::Kyc(pallet_kyc::Call::suspend { who: account(Bob) });
		// One member's `council.execute` is the supervisor origin.
		assert_ok!(fxchain_runtime::Council::execute(
			RuntimeOrigin::signed(account(Alice)),
			Box::new(suspend.clone()),
			codec::Encode::encoded_size(&suspend) as u32,
		));
		let executed = frame_system::Pallet::<Runtime>::events().into_iter().any(|record| {
			matches!(
				record.event,
				fxchain_runtime::RuntimeEvent::Council(pallet_collective::Event::MemberExecuted {
					result: Ok(()),
					..
				})
			)
		});
		assert!(executed, "the member's execution failed");
		assert!(!Kyc::is_verified(&account(Bob)));
		assert_eq!(pool_validity(Bob, transfer_to(Alice)), Err(refused()));
		// Bob still does the council's business.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let proposal = RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(remark),
			length_bound: 100,
		});
		assert_ok!(pool_validity(Bob, proposal));
		// His registrar (Dave) cannot lift a supervisor's suspension.
		assert_eq!(
			Kyc::reinstate(RuntimeOrigin::signed(account(Dave)), account(Bob)),
			Err(pallet_kyc::Error::<Runtime>::SuspendedBySupervisor.into())
		);
	});
}

#[test]
fn the_rate_setter_passes_the_door_without_a_credential_and_only_it_sets_rates() {
	dev().execute_with(|| {
		const EUR: u32 = 978;
		let rate = sp_runtime::FixedU128::from_rational(108, 100);
		let set_rate =
			RuntimeCall::Supervision(pallet_supervision::Call::set_rate { currency: EUR, rate });
		// Ferdie, the dev chain's rate setter, holds no credential: the door admits his rate,
		// and nothing else he signs.
		assert_eq!(pallet_supervision::RateSetter::<Runtime>::get(), Some(account(Ferdie)));
		assert_ok!(pool_validity(Ferdie, set_rate));
		assert_eq!(pool_validity(Ferdie, transfer_to(Alice)), Err(refused()));
		assert_ok!(fxchain_runtime::Supervision::set_rate(
			RuntimeOrigin::signed(account(Ferdie)),
			EUR,
			rate
		));
		assert_eq!(pallet_supervision::Rates::<Runtime>::get(EUR).map(|r| r.rate), Some(rate));
		// Anyone else is refused by the pallet.
		assert_noop!(
			fxchain_runtime::Supervision::set_rate(
				RuntimeOrigin::signed(account(Alice)),
				EUR,
				rate
			),
			pallet_supervision::Error::<Runtime>::NotAuthorized
		);
	});
}
