//! Registering currencies and naming issuers.

use super::*;
use crate::{Currencies, CurrencyInfo, Error, Issuers};
use frame_support::{assert_noop, assert_ok, traits::fungibles::metadata::Inspect as _};
use fxchain_primitives::kyc::Role;
use sp_runtime::DispatchError;

#[test]
fn governance_registers_a_currency_with_its_ledger_and_metadata() {
	build_and_execute(|| {
		assert_ok!(Forex::register_currency(RuntimeOrigin::root(), EUR, *b"EUR", 2));
		assert_eq!(Currencies::<Test>::get(EUR), Some(CurrencyInfo { code: *b"EUR", decimals: 2 }));
		assert!(Assets::asset_exists(EUR));
		assert_eq!(Assets::symbol(EUR), b"EUR".to_vec());
		assert_eq!(Assets::decimals(EUR), 2);
		assert_eq!(
			last_event(),
			Event::CurrencyRegistered { currency: EUR, code: *b"EUR", decimals: 2 }
		);
	});
}

#[test]
fn only_governance_registers_currencies() {
	build_and_execute(|| {
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::signed(BANK), EUR, *b"EUR", 2),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_currency_is_registered_once_with_a_valid_code() {
	build_and_execute(|| {
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::root(), USD, *b"USD", 2),
			Error::<Test>::AlreadyExists
		);
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::root(), EUR, *b"eur", 2),
			Error::<Test>::InvalidCurrency
		);
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::root(), EUR, *b"EUR", 19),
			Error::<Test>::InvalidCurrency
		);
	});
}

#[test]
fn the_number_of_currencies_is_bounded() {
	build_and_execute(|| {
		// Two at genesis, four at most.
		assert_ok!(Forex::register_currency(RuntimeOrigin::root(), EUR, *b"EUR", 2));
		assert_ok!(Forex::register_currency(RuntimeOrigin::root(), 392, *b"JPY", 0));
		assert_noop!(
			Forex::register_currency(RuntimeOrigin::root(), 826, *b"GBP", 2),
			Error::<Test>::TooManyCurrencies
		);
	});
}

#[test]
fn governance_names_licensed_issuers_per_currency() {
	build_and_execute(|| {
		assert_noop!(
			Forex::add_issuer(RuntimeOrigin::root(), USD, OTHER_BANK),
			Error::<Test>::NotLicensed
		);
		Licensed::mutate(|all| all.push((OTHER_BANK, Role::Issuer)));
		assert_noop!(
			Forex::add_issuer(RuntimeOrigin::root(), EUR, OTHER_BANK),
			Error::<Test>::CurrencyNotFound
		);
		assert_noop!(
			Forex::add_issuer(RuntimeOrigin::signed(OTHER_BANK), USD, OTHER_BANK),
			DispatchError::BadOrigin
		);
		assert_ok!(Forex::add_issuer(RuntimeOrigin::root(), USD, OTHER_BANK));
		assert!(Issuers::<Test>::contains_key(USD, OTHER_BANK));
		assert_eq!(last_event(), Event::IssuerAdded { currency: USD, issuer: OTHER_BANK });
		assert_noop!(
			Forex::add_issuer(RuntimeOrigin::root(), USD, OTHER_BANK),
			Error::<Test>::AlreadyExists
		);
	});
}

#[test]
fn a_removed_issuer_can_no_longer_deposit() {
	build_and_execute(|| {
		assert_ok!(Forex::remove_issuer(RuntimeOrigin::root(), USD, BANK));
		assert_eq!(last_event(), Event::IssuerRemoved { currency: USD, issuer: BANK });
		assert_noop!(
			Forex::deposit(RuntimeOrigin::signed(BANK), USD, ALICE, 100, H),
			Error::<Test>::NotIssuer
		);
		assert_noop!(
			Forex::remove_issuer(RuntimeOrigin::root(), USD, BANK),
			Error::<Test>::NotIssuer
		);
	});
}

/// A bank's reference for a fiat movement.
pub const H: sp_core::H256 = sp_core::H256::repeat_byte(0xab);
