use crate::{mock::*, CheckKyc, Error, Role};
use frame_support::{assert_ok, dispatch::DispatchInfo};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError, ModuleError, Weight,
};

fn transfer() -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { dest: BOB, value: 1 })
}

fn onboarding() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

fn check(who: u64, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	CheckKyc::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(who),
			call,
			&DispatchInfo::default(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

fn rejected() -> Result<(), TransactionValidityError> {
	Err(InvalidTransaction::Custom(CheckKyc::<Test>::rejection_code()).into())
}

#[test]
fn the_rejection_code_names_the_not_verified_error() {
	build_and_execute(|| {
		let DispatchError::Module(ModuleError { error, .. }) = Error::<Test>::NotVerified.into()
		else {
			panic!("a pallet error is a module error");
		};
		assert_eq!(CheckKyc::<Test>::rejection_code(), error[0]);
	});
}

#[test]
fn an_unverified_account_is_turned_away_at_the_pool() {
	build_and_execute(|| {
		assert_eq!(check(ALICE, &transfer()), rejected());
		// Only the onboarding calls themselves pass, not their neighbours.
		let other = RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] });
		assert_eq!(check(ALICE, &other), rejected());
	});
}

#[test]
fn an_unverified_account_may_onboard() {
	build_and_execute(|| {
		assert_ok!(check(ALICE, &onboarding()));
	});
}

#[test]
fn verified_and_licensed_accounts_pass() {
	build_and_execute(|| {
		assert_ok!(check(GENESIS_USER, &transfer()));
		assert_ok!(check(ISSUER, &transfer()));
	});
}

#[test]
fn a_suspended_licence_no_longer_opens_the_door() {
	build_and_execute(|| {
		assert_ok!(Kyc::suspend_licence(RawOrigin::Root.into(), ISSUER, Role::Issuer));
		assert_eq!(check(ISSUER, &transfer()), rejected());
	});
}

#[test]
fn suspension_revocation_and_expiry_close_the_door_at_once() {
	build_and_execute(|| {
		assert_ok!(Kyc::attest(RuntimeOrigin::signed(REGISTRAR), ALICE, individual(1), EXPIRY));
		assert_ok!(check(ALICE, &transfer()));
		assert_ok!(Kyc::suspend(RuntimeOrigin::signed(SUPERVISOR), ALICE));
		assert_eq!(check(ALICE, &transfer()), rejected());
		assert_ok!(Kyc::reinstate(RawOrigin::Root.into(), ALICE));
		assert_ok!(check(ALICE, &transfer()));
		Now::set(EXPIRY);
		assert_eq!(check(ALICE, &transfer()), rejected());
		Now::set(START);
		assert_ok!(Kyc::revoke(RuntimeOrigin::signed(REGISTRAR), ALICE));
		assert_eq!(check(ALICE, &transfer()), rejected());
	});
}

/// The weight the door gives back after dispatch, for `who`'s `call`.
fn refund(who: u64, call: &RuntimeCall) -> Weight {
	let (_, refund, _) = CheckKyc::<Test>::new()
		.validate(
			RuntimeOrigin::signed(who),
			call,
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(()),
			TransactionSource::External,
		)
		.expect("the door lets the call through");
	refund
}

#[test]
fn the_door_charges_its_worst_case_and_refunds_the_cheaper_paths() {
	use crate::WeightInfo;
	build_and_execute(|| {
		let worst = <() as WeightInfo>::check_kyc();
		let verified = <() as WeightInfo>::check_kyc_verified();
		assert!(verified.all_lt(worst), "the verified path is not cheaper than the worst case");
		assert_eq!(CheckKyc::<Test>::new().weight(&transfer()), worst);
		assert_eq!(refund(GENESIS_USER, &transfer()), worst.saturating_sub(verified));
		assert_eq!(refund(ALICE, &onboarding()), worst.saturating_sub(verified));
		// A licensed institution without a credential read everything.
		assert_eq!(refund(ISSUER, &transfer()), Weight::zero());
	});
}
