//! Capital-flow supervision on the real runtime: every movement the forex pallet makes is checked
//! by `pallet-supervision`, also inside a `utility.batch`; reports, holds and their expiry; the
//! council changing a rule by motion.

mod common;

use common::*;
use frame_support::{assert_ok, traits::Hooks};
use fxchain_primitives::{
	forex::{Documents, PaymentStatus, Purpose, Reason, TravelRule},
	supervision::{ReportQuery, Rule},
};
use fxchain_runtime::{
	AccountId, Assets, Forex, Runtime, RuntimeCall, RuntimeOrigin, Supervision, Utility,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};

const USD: u32 = 840;
const EUR: u32 = 978;

/// The dev chain with its clock at 2026-11-30, after its first block stamped the genesis rates.
fn dev() -> sp_io::TestExternalities {
	let mut ext = ext_from_preset("dev", |_| {});
	ext.execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(1_796_000_000_000);
		Supervision::on_finalize(1);
	});
	ext
}

fn now() -> u64 {
	pallet_timestamp::Now::<Runtime>::get()
}

fn last_record() -> pallet_forex::Record<AccountId> {
	let seq = pallet_forex::NextSeq::<Runtime>::get() - 1;
	let reference = pallet_forex::RecordOrder::<Runtime>::get(seq).expect("a record");
	pallet_forex::Records::<Runtime>::get(reference).expect("retained")
}

fn last_reference() -> H256 {
	let seq = pallet_forex::NextSeq::<Runtime>::get() - 1;
	pallet_forex::RecordOrder::<Runtime>::get(seq).expect("a record")
}

fn deposit(to: AccountId, currency: u32, amount: u128) {
	assert_ok!(Forex::deposit(
		RuntimeOrigin::signed(account(Dave)),
		currency,
		to,
		amount,
		H256::repeat_byte(9)
	));
}

/// Alice pays Bob `amount` of USD across the border, with or without travel-rule data.
fn alice_pays_bob(amount: u128, travel_rule: bool) {
	assert_ok!(Forex::pay(
		RuntimeOrigin::signed(account(Alice)),
		account(Bob),
		USD,
		amount,
		Purpose::CurrentTransfer,
		travel_rule.then_some(TravelRule::Hashes {
			originator: H256::repeat_byte(1),
			beneficiary: H256::repeat_byte(2),
		}),
		Documents::default()
	));
}

fn reports_about(who: AccountId) -> Vec<Reason> {
	let query = ReportQuery {
		rule: None,
		party: Some(who),
		status: None,
		since: None,
		until: None,
		after: None,
		limit: 100,
	};
	Supervision::reports(query).reports.into_iter().map(|(_, r)| r.rule).collect()
}

fn check_books() {
	Forex::do_try_state().expect("the forex books balance");
	Supervision::do_try_state().expect("the supervision indices agree");
}

#[test]
fn a_large_cross_border_payment_needs_travel_rule_data_and_is_reported() {
	dev().execute_with(|| {
		// USD 15,000.00 in cash for Alice: a large cash deposit, reported.
		deposit(account(Alice), USD, 1_500_000);
		assert_eq!(last_record().status, PaymentStatus::Executed);
		assert_eq!(reports_about(account(Alice)), vec![Reason::LargeValueCash]);

		// Alice (resident, CN) sends USD 12,000.00 to Bob (non-resident, HK) without the
		// travel-rule data: denied with every reason, nothing moves.
		alice_pays_bob(1_200_000, false);
		let denied = last_record();
		assert_eq!(denied.status, PaymentStatus::Denied);
		assert_eq!(
			denied.reasons.to_vec(),
			vec![Reason::TravelRuleDataRequired, Reason::LargeValueIndividualCrossBorder]
		);
		assert_eq!(Assets::balance(USD, account(Bob)), 0);

		// With it, the payment executes and both sides are reported.
		alice_pays_bob(1_200_000, true);
		assert_eq!(last_record().status, PaymentStatus::Executed);
		assert_eq!(Assets::balance(USD, account(Bob)), 1_200_000);
		assert_eq!(
			reports_about(account(Alice)),
			vec![Reason::LargeValueCash, Reason::LargeValueIndividualCrossBorder]
		);
		assert_eq!(reports_about(account(Bob)), vec![Reason::LargeValueIndividualCrossBorder]);
		check_books();
	});
}

#[test]
fn freezes_and_the_pause_stop_payments_inside_a_batch_too() {
	dev().execute_with(|| {
		deposit(account(Alice), USD, 100_000);
		let batch = |calls: Vec<RuntimeCall>| {
			Utility::batch_all(RuntimeOrigin::signed(account(Alice)), calls)
		};
		let pay_charlie = || {
			RuntimeCall::Forex(pallet_forex::Call::pay {
				to: account(Charlie),
				currency: USD,
				amount: 1_000,
				purpose: Purpose::Domestic,
				travel_rule: None,
				documents: Documents::default(),
			})
		};

		// A supervisor freezes Alice: the payment in the batch is recorded as denied.
		assert_ok!(Supervision::freeze_account(
			RuntimeOrigin::root(),
			account(Alice),
			H256::zero()
		));
		assert_ok!(batch(vec![pay_charlie()]));
		assert_eq!(last_record().status, PaymentStatus::Denied);
		assert_eq!(last_record().reasons.to_vec(), vec![Reason::AccountFrozen]);
		assert_ok!(Supervision::unfreeze_account(RuntimeOrigin::root(), account(Alice)));

		// The currency, then the whole chain.
		assert_ok!(Supervision::freeze_currency(RuntimeOrigin::root(), USD, H256::zero()));
		assert_ok!(batch(vec![pay_charlie(), pay_charlie()]));
		assert_eq!(last_record().reasons.to_vec(), vec![Reason::CurrencyFrozen]);
		assert_ok!(Supervision::unfreeze_currency(RuntimeOrigin::root(), USD));
		assert_ok!(Supervision::pause_payments(RuntimeOrigin::root(), H256::zero()));
		assert_ok!(batch(vec![pay_charlie()]));
		assert_eq!(last_record().reasons.to_vec(), vec![Reason::PaymentsPaused]);
		assert_eq!(Assets::balance(USD, account(Charlie)), 0, "nothing moved");

		assert_ok!(Supervision::resume_payments(RuntimeOrigin::root()));
		assert_ok!(batch(vec![pay_charlie()]));
		assert_eq!(last_record().status, PaymentStatus::Executed);
		assert_eq!(Assets::balance(USD, account(Charlie)), 1_000);
		check_books();
	});
}

#[test]
fn a_currency_without_a_fresh_rate_is_refused_until_the_rate_setter_updates_it() {
	dev().execute_with(|| {
		deposit(account(Alice), EUR, 10_000);
		assert_eq!(last_record().status, PaymentStatus::Executed);
		// Three days on, the genesis rate is stale.
		pallet_timestamp::Now::<Runtime>::put(now() + 3 * 86_400_000);
		deposit(account(Alice), EUR, 10_000);
		assert_eq!(last_record().reasons.to_vec(), vec![Reason::RateUnavailable]);
		// Ferdie, the dev chain's rate setter, sets a fresh one.
		assert_ok!(Supervision::set_rate(
			RuntimeOrigin::signed(account(sp_keyring::Sr25519Keyring::Ferdie)),
			EUR,
			sp_runtime::FixedU128::from_rational(109, 100)
		));
		deposit(account(Alice), EUR, 10_000);
		assert_eq!(last_record().status, PaymentStatus::Executed);
		assert_eq!(Assets::balance(EUR, account(Alice)), 20_000);
		check_books();
	});
}

#[test]
fn a_hold_nobody_decides_returns_its_funds_when_the_review_period_ends() {
	dev().execute_with(|| {
		// Charlie becomes a class-C enterprise: its cross-border payments need prior review.
		let mut credential = pallet_kyc::Credentials::<Runtime>::get(account(Charlie)).unwrap();
		credential.profile.class = Some(fxchain_primitives::kyc::SupervisionClass::C);
		pallet_kyc::Credentials::<Runtime>::insert(account(Charlie), credential);
		deposit(account(Charlie), USD, 50_000);
		assert_ok!(Forex::pay(
			RuntimeOrigin::signed(account(Charlie)),
			account(Bob),
			USD,
			20_000,
			Purpose::GoodsTrade,
			None,
			Documents::default()
		));
		let reference = last_reference();
		assert_eq!(last_record().status, PaymentStatus::Held);
		assert_eq!(pallet_forex::Reserved::<Runtime>::get(account(Charlie), USD), 20_000);

		let review = pallet_supervision::Rules::<Runtime>::get().review_period;
		pallet_timestamp::Now::<Runtime>::put(now() + review);
		Forex::on_initialize(2);
		let record = pallet_forex::Records::<Runtime>::get(reference).unwrap();
		assert_eq!(record.status, PaymentStatus::Expired);
		assert_eq!(Assets::balance(USD, account(Charlie)), 50_000);
		assert_eq!(Assets::balance(USD, account(Bob)), 0);
		check_books();
	});
}

#[test]
fn the_council_lowers_the_purchase_quota_by_motion() {
	dev().execute_with(|| {
		let call = RuntimeCall::Supervision(pallet_supervision::Call::set_rule {
			rule: Rule::PurchaseQuota(100_000),
		});
		let (hash, index) = propose(Alice, 2, call.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &call, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));
		assert_eq!(pallet_supervision::Rules::<Runtime>::get().purchase_quota, 100_000);
	});
}
