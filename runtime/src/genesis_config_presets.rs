//! Genesis presets: `dev`, `local` and `staging`.
//!
//! | preset    | validators               | session     | council             | sudo  |
//! |-----------|--------------------------|-------------|---------------------|-------|
//! | `dev`     | Alice                    | 1 minute    | Alice, Bob, Charlie | Alice |
//! | `local`   | Alice, Bob, Charlie, Dave| 2 minutes   | Alice, Bob, Charlie | none  |
//! | `staging` | Alice, Bob, Charlie, Dave| 1 hour      | Alice, Bob, Charlie | none  |
//!
//! `dev` and `local` start with two licensed banks (Dave and Eve, both KYC registrars and issuers)
//! and verified test accounts: Alice and Bob (individuals), Charlie (a class-A enterprise), Dave and
//! Eve (institutions, each verified by the other). Ferdie, One and Two are left unverified, to show
//! the door. `staging` licenses nobody: its council (exempt from KYC) licenses the first
//! registrars after launch.
//!
//! Every preset registers CNY, USD, EUR, HKD, JPY and GBP. In `dev` and `local`, Dave issues all
//! of them and Eve CNY, USD and HKD, and both banks hold a position of 10,000,000 of each (their
//! market-making inventory); customers start with nothing until a bank credits them.
//!
//! Supervision starts with the regulator's default rules and indicative reference rates for every
//! currency, valid for two days from the first block; in `dev` and `local` Ferdie is the rate
//! setter who keeps them fresh, in `staging` governance appoints one.
//!
//! `staging` is the template of a consortium network: its well-known keys are placeholders that
//! `scripts/consortium-spec.sh` replaces with the members' own (see `chain-specs/README.md`).

use crate::{
	time::{BABE_GENESIS_EPOCH_CONFIG, HOURS, MINUTES},
	AccountId, Balance, SessionKeys,
};
use alloc::{vec, vec::Vec};
use fxchain_primitives::{
	forex::{Amount, CurrencyId},
	kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency, Role, SupervisionClass},
	token::UNIT,
	Moment,
};
use pallet_kyc::GenesisCredential;
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::FixedU128;

/// The development chain: one validator, sudo, short sessions.
pub const DEV: &str = "dev";
/// A local four-validator test network (zombienet, the fault tests).
pub const LOCAL: &str = "local";
/// The consortium template.
pub const STAGING: &str = "staging";

/// What each dev account holds in FXC, for fees.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// What a registrar tops a newly verified account up to, for fees: about two thousand transfers
/// (a transfer is charged about 440 µs of weight, one planck per picosecond: decision 5).
const ONBOARDING_ALLOWANCE: Balance = UNIT;

/// Test credentials run to 2100-01-01.
const TEST_CREDENTIAL_EXPIRY: Moment = 4_102_444_800_000;

/// A validator's account and session keys.
struct Validator {
	account: AccountId,
	babe: BabeId,
	grandpa: GrandpaId,
}

fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Validator {
	Validator { account: sr.to_account_id(), babe: sr.public().into(), grandpa: ed.public().into() }
}

/// The parameters that differ between presets.
struct Network {
	validators: Vec<Validator>,
	min_validators: u32,
	session_length: u64,
	council: Vec<AccountId>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
	kyc: pallet_kyc::GenesisConfig<crate::Runtime>,
	forex: pallet_forex::GenesisConfig<crate::Runtime>,
	supervision: pallet_supervision::GenesisConfig<crate::Runtime>,
}

fn genesis(network: Network) -> Value {
	let session_keys: Vec<(AccountId, AccountId, SessionKeys)> = network
		.validators
		.iter()
		.map(|v| {
			let keys = SessionKeys { babe: v.babe.clone(), grandpa: v.grandpa.clone() };
			(v.account.clone(), v.account.clone(), keys)
		})
		.collect();
	let balances: Vec<(AccountId, Balance)> =
		network.endowed.iter().cloned().map(|account| (account, ENDOWMENT)).collect();
	serde_json::json!({
		"balances": { "balances": balances },
		// BABE and GRANDPA authorities stay empty: the session fills them from its keys.
		"babe": { "epochConfig": BABE_GENESIS_EPOCH_CONFIG },
		"session": { "keys": session_keys },
		"validatorSet": {
			"minValidators": network.min_validators,
			"sessionLength": network.session_length,
		},
		"councilMembership": { "members": network.council },
		"sudo": { "key": network.sudo },
		"kyc": network.kyc,
		"forex": network.forex,
		"supervision": network.supervision,
	})
}

fn well_known_validators(count: usize) -> Vec<Validator> {
	[
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	]
	.into_iter()
	.take(count)
	.map(|(sr, ed)| validator(sr, ed))
	.collect()
}

fn council() -> Vec<AccountId> {
	vec![
		Sr25519Keyring::Alice.to_account_id(),
		Sr25519Keyring::Bob.to_account_id(),
		Sr25519Keyring::Charlie.to_account_id(),
	]
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// A test person's document hash: in production, the registrars' keyed hash of the document.
fn test_person(name: &str) -> fxchain_primitives::Hash {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	BlakeTwo256::hash(&[b"fxchain test person/".as_slice(), name.as_bytes()].concat())
}

fn test_profile(
	name: &str,
	entity: EntityType,
	residency: Residency,
	country: &[u8; 2],
) -> KycProfile {
	let class = (entity == EntityType::Enterprise).then_some(SupervisionClass::A);
	KycProfile {
		person: test_person(name),
		entity,
		residency,
		jurisdiction: CountryCode(*country),
		level: KycLevel::Standard,
		class,
	}
}

/// Two licensed banks and verified test accounts (see the module docs).
fn test_institutions_and_customers() -> pallet_kyc::GenesisConfig<crate::Runtime> {
	use EntityType::*;
	use Residency::*;
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
	let dave = Dave.to_account_id();
	let eve = Eve.to_account_id();
	let licences = [
		(
			Dave,
			vec![
				Role::Registrar,
				Role::Issuer,
				Role::MarketMaker,
				Role::Lessor,
				Role::DataConsumer,
			],
		),
		(Eve, vec![Role::Registrar, Role::Issuer, Role::MarketMaker, Role::DataProvider]),
	]
	.into_iter()
	.flat_map(|(bank, roles)| roles.into_iter().map(move |role| (bank.to_account_id(), role)))
	.collect();
	let credential = |who: Sr25519Keyring, registrar: &AccountId, profile| GenesisCredential {
		who: who.to_account_id(),
		registrar: registrar.clone(),
		profile,
		expires_at: TEST_CREDENTIAL_EXPIRY,
	};
	let credentials = vec![
		credential(Alice, &dave, test_profile("Alice", Individual, Resident, b"CN")),
		credential(Bob, &dave, test_profile("Bob", Individual, NonResident, b"HK")),
		credential(Charlie, &eve, test_profile("Charlie", Enterprise, Resident, b"CN")),
		credential(Dave, &eve, test_profile("Dave", Institution, Resident, b"CN")),
		credential(Eve, &dave, test_profile("Eve", Institution, Resident, b"CN")),
	];
	pallet_kyc::GenesisConfig { licences, credentials, onboarding_allowance: ONBOARDING_ALLOWANCE }
}

/// The currencies every network starts with: ISO 4217 numeric code, alphabetic code, decimals.
fn currencies() -> Vec<(CurrencyId, [u8; 3], u8)> {
	vec![
		(156, *b"CNY", 2),
		(840, *b"USD", 2),
		(978, *b"EUR", 2),
		(344, *b"HKD", 2),
		(392, *b"JPY", 0),
		(826, *b"GBP", 2),
	]
}

/// Indicative reference rates to USD (US cents per minor unit of each currency), stamped with
/// the first block's time: they serve for `rate_max_age` (two days by default), after which
/// governance or its rate setter must have set fresh ones or movements in those currencies are
/// refused.
fn indicative_rates() -> Vec<(CurrencyId, FixedU128)> {
	vec![
		// 7.10 CNY, 0.926 EUR, 7.8125 HKD, 149 JPY, 0.787 GBP to the dollar.
		(156, FixedU128::from_rational(1_408, 10_000)),
		(978, FixedU128::from_rational(108, 100)),
		(344, FixedU128::from_rational(128, 1_000)),
		(392, FixedU128::from_rational(67, 100)),
		(826, FixedU128::from_rational(127, 100)),
	]
}

/// Supervision with the regulator's default rules and the indicative rates.
fn supervision(
	rate_setter: Option<AccountId>,
) -> pallet_supervision::GenesisConfig<crate::Runtime> {
	pallet_supervision::GenesisConfig { rules: None, rates: indicative_rates(), rate_setter }
}

/// What each test bank holds of every currency at genesis, in major units: its FX position as a
/// market maker.
const BANK_POSITION: Amount = 10_000_000;

/// The test banks issue currencies (Dave all of them, Eve CNY, USD and HKD) and hold positions.
fn test_currencies() -> pallet_forex::GenesisConfig<crate::Runtime> {
	use Sr25519Keyring::{Dave, Eve};
	let dave = Dave.to_account_id();
	let eve = Eve.to_account_id();
	let mut issuers: Vec<(CurrencyId, AccountId)> =
		currencies().iter().map(|(currency, _, _)| (*currency, dave.clone())).collect();
	issuers.extend([156, 840, 344].map(|currency| (currency, eve.clone())));
	let balances = currencies()
		.into_iter()
		.flat_map(|(currency, _, decimals)| {
			let amount = BANK_POSITION.saturating_mul(10u128.saturating_pow(decimals.into()));
			[(currency, dave.clone(), amount), (currency, eve.clone(), amount)]
		})
		.collect();
	pallet_forex::GenesisConfig { currencies: currencies(), issuers, balances }
}

fn dev() -> Value {
	genesis(Network {
		validators: well_known_validators(1),
		min_validators: 1,
		session_length: u64::from(MINUTES),
		council: council(),
		endowed: dev_accounts(),
		sudo: Some(Sr25519Keyring::Alice.to_account_id()),
		kyc: test_institutions_and_customers(),
		forex: test_currencies(),
		supervision: supervision(Some(Sr25519Keyring::Ferdie.to_account_id())),
	})
}

fn local() -> Value {
	genesis(Network {
		validators: well_known_validators(4),
		// GRANDPA needs more than two thirds of the voters: with three of four it still finalises.
		min_validators: 3,
		session_length: u64::from(2 * MINUTES),
		council: council(),
		endowed: dev_accounts(),
		sudo: None,
		kyc: test_institutions_and_customers(),
		forex: test_currencies(),
		supervision: supervision(Some(Sr25519Keyring::Ferdie.to_account_id())),
	})
}

fn staging() -> Value {
	let validators = well_known_validators(4);
	let mut endowed: Vec<AccountId> = validators.iter().map(|v| v.account.clone()).collect();
	let council_only: Vec<AccountId> =
		council().into_iter().filter(|member| !endowed.contains(member)).collect();
	endowed.extend(council_only);
	genesis(Network {
		validators,
		min_validators: 4,
		session_length: u64::from(HOURS),
		council: council(),
		endowed,
		sudo: None,
		kyc: pallet_kyc::GenesisConfig {
			onboarding_allowance: ONBOARDING_ALLOWANCE,
			..Default::default()
		},
		// Currencies exist from the start; governance names issuers once banks are licensed.
		forex: pallet_forex::GenesisConfig { currencies: currencies(), ..Default::default() },
		// Governance appoints the rate setter once the consortium has chosen one.
		supervision: supervision(None),
	})
}

/// The preset with the given name, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV => dev(),
		LOCAL => local(),
		STAGING => staging(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV), PresetId::from(LOCAL), PresetId::from(STAGING)]
}
