//! Forex accounts on the real runtime: the dev chain's currencies and banks, the money path from
//! a bank's deposit to a cross-border payment and a conversion, the door in front of it, and the
//! council registering a currency.

mod common;

use common::*;
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use fxchain_primitives::forex::{Documents, PaymentStatus, Purpose, TravelRule};
use fxchain_runtime::{Assets, Forex, Runtime, RuntimeCall, RuntimeOrigin};
use pallet_kyc::CheckKyc;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	FixedU128,
};

const CNY: u32 = 156;
const USD: u32 = 840;

/// The dev chain with its clock at 2026-11-30.
fn dev() -> sp_io::TestExternalities {
	let mut ext = ext_from_preset("dev", |_| {});
	ext.execute_with(|| pallet_timestamp::Now::<Runtime>::put(1_796_000_000_000));
	ext
}

fn now() -> u64 {
	pallet_timestamp::Now::<Runtime>::get()
}

fn last_record() -> pallet_forex::Record<fxchain_runtime::AccountId> {
	let seq = pallet_forex::NextSeq::<Runtime>::get() - 1;
	let reference = pallet_forex::RecordOrder::<Runtime>::get(seq).expect("a record");
	pallet_forex::Records::<Runtime>::get(reference).expect("retained")
}

#[test]
fn dev_starts_with_six_currencies_issued_by_its_banks() {
	dev().execute_with(|| {
		let codes: Vec<_> = [156, 840, 978, 344, 392, 826]
			.into_iter()
			.map(|c| pallet_forex::Currencies::<Runtime>::get(c).expect("registered").code)
			.collect();
		assert_eq!(codes, vec![*b"CNY", *b"USD", *b"EUR", *b"HKD", *b"JPY", *b"GBP"]);
		// The ledgers are assets Polkadot.js Apps shows, with their codes and decimals.
		assert_eq!(
			<Assets as frame_support::traits::fungibles::metadata::Inspect<_>>::decimals(392),
			0
		);
		assert!(pallet_forex::Issuers::<Runtime>::contains_key(USD, account(Dave)));
		assert!(pallet_forex::Issuers::<Runtime>::contains_key(USD, account(Eve)));
		assert!(!pallet_forex::Issuers::<Runtime>::contains_key(978, account(Eve)));
		assert_eq!(Assets::balance(USD, account(Dave)), 1_000_000_000);
		assert_eq!(Assets::balance(392, account(Eve)), 10_000_000);
		assert_eq!(Assets::balance(USD, account(Charlie)), 0);
		Forex::do_try_state().expect("the genesis books balance");
	});
}

#[test]
fn a_bank_deposit_a_cross_border_payment_and_a_conversion_follow_the_money_path() {
	dev().execute_with(|| {
		// Dave credits 2,000.00 USD to Charlie, an enterprise.
		assert_ok!(Forex::deposit(
			RuntimeOrigin::signed(account(Dave)),
			USD,
			account(Charlie),
			200_000,
			H256::repeat_byte(1)
		));
		// Charlie, resident in CN, pays Bob, a non-resident in HK: cross-border by their
		// credentials, so it needs a balance-of-payments purpose.
		let pay = |purpose| {
			Forex::pay(
				RuntimeOrigin::signed(account(Charlie)),
				account(Bob),
				USD,
				50_000,
				purpose,
				Some(TravelRule::Hashes {
					originator: H256::repeat_byte(2),
					beneficiary: H256::repeat_byte(3),
				}),
				Documents::default(),
			)
		};
		assert_noop!(pay(Purpose::Domestic), pallet_forex::Error::<Runtime>::PurposeRequired);
		assert_ok!(pay(Purpose::ServicesTrade));
		let payment = last_record();
		assert!(payment.cross_border);
		assert_eq!(payment.status, PaymentStatus::Executed);
		assert_eq!(Assets::balance(USD, account(Bob)), 50_000);

		// Dave quotes CNY for USD at 7.10 (fen per cent); Charlie buys 7,100.00 CNY.
		assert_ok!(Forex::post_quote(
			RuntimeOrigin::signed(account(Dave)),
			CNY,
			USD,
			FixedU128::from_rational(1, 7),
			10_000_000,
			now() + 3_600_000
		));
		let quote = pallet_forex::NextOfferId::<Runtime>::get() - 1;
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(account(Charlie)),
			quote,
			710_000,
			101_429,
			Purpose::Domestic
		));
		// 710,000 fen at 1/7 cent each is 101,428.57 cents: Charlie pays 101,428.
		assert_eq!(Assets::balance(CNY, account(Charlie)), 710_000);
		assert_eq!(Assets::balance(USD, account(Charlie)), 200_000 - 50_000 - 101_428);
		let holdings = Forex::holdings(&account(Charlie));
		let usd = holdings.iter().find(|h| h.currency == USD).expect("listed");
		assert_eq!((usd.code, usd.free, usd.reserved), (*b"USD", 48_572, 0));
		Forex::do_try_state().expect("the books balance");
	});
}

#[test]
fn the_door_turns_an_unverified_payer_away_and_the_pallet_an_unverified_payee() {
	dev().execute_with(|| {
		let pay_to = |to| {
			RuntimeCall::Forex(pallet_forex::Call::pay {
				to: account(to),
				currency: USD,
				amount: 1,
				purpose: Purpose::Domestic,
				travel_rule: None,
				documents: Documents::default(),
			})
		};
		let refused: TransactionValidityError =
			InvalidTransaction::Custom(CheckKyc::<Runtime>::rejection_code()).into();
		assert_eq!(pool_validity(Ferdie, pay_to(Alice)), Err(refused));
		assert_ok!(pool_validity(Alice, pay_to(Bob)));
		assert_ok!(Forex::deposit(
			RuntimeOrigin::signed(account(Dave)),
			USD,
			account(Alice),
			100,
			H256::zero()
		));
		assert_noop!(
			Forex::pay(
				RuntimeOrigin::signed(account(Alice)),
				account(Ferdie),
				USD,
				1,
				Purpose::Domestic,
				None,
				Documents::default()
			),
			pallet_forex::Error::<Runtime>::NotVerified
		);
	});
}

#[test]
fn the_council_registers_a_currency() {
	dev().execute_with(|| {
		let call = RuntimeCall::Forex(pallet_forex::Call::register_currency {
			currency: 756,
			code: *b"CHF",
			decimals: 2,
		});
		// One member is not enough.
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::signed(account(Alice)), 756, *b"CHF", 2),
			sp_runtime::DispatchError::BadOrigin
		);
		let (hash, index) = propose(Alice, 2, call.clone());
		vote_aye(&[Alice, Bob], hash, index);
		close(Alice, &call, hash, index);
		assert_eq!(last_motion_result(), Some(Ok(())));
		assert!(pallet_forex::Currencies::<Runtime>::contains_key(756));
		assert!(Assets::asset_exists(756));
	});
}
