//! Digital identity: institution licences and real-name KYC credentials.
//!
//! No personal data goes on chain. A credential records what a licensed registrar verified off
//! chain, as categories and a keyed hash: the [`PersonId`] is a hash of the identity document
//! number (or an enterprise's unified social credit code) under a key that every registrar of the
//! consortium shares and the chain never sees, so the same person verified at two banks gets the
//! same id, and nobody can recover the number from it.

use crate::Moment;
use alloc::vec::Vec;
use codec::{Codec, Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// A real person or legal entity: the keyed hash of its identity document or credit code.
pub type PersonId = H256;

wire_type! {
	/// What a licensed institution may do on chain. Granted by governance, one licence per role.
	pub enum Role {
		/// Verifies real-name identities and attests KYC credentials.
		#[codec(index = 0)]
		Registrar,
		/// Issues currency balances against fiat it holds (named per currency by the forex pallet).
		#[codec(index = 1)]
		Issuer,
		/// Quotes FX rates and settles conversions.
		#[codec(index = 2)]
		MarketMaker,
		/// Writes finance-lease contracts.
		#[codec(index = 3)]
		Lessor,
		/// Registers data items about subjects (customs, tax, credit bureaus).
		#[codec(index = 4)]
		DataProvider,
		/// Queries subjects' data under their consent.
		#[codec(index = 5)]
		DataConsumer,
	}
}

impl Role {
	/// Every role, for iteration in runtime APIs and benchmarks.
	pub const ALL: [Role; 6] = [
		Role::Registrar,
		Role::Issuer,
		Role::MarketMaker,
		Role::Lessor,
		Role::DataProvider,
		Role::DataConsumer,
	];
}

wire_type! {
	/// Whether a licence may be used.
	pub enum LicenceStatus {
		/// The institution may act in the role.
		#[codec(index = 0)]
		Active,
		/// Temporarily barred: nothing new in this role until governance reinstates it.
		#[codec(index = 1)]
		Suspended,
	}
}

wire_type! {
	/// The kind of party behind an account.
	pub enum EntityType {
		#[codec(index = 0)]
		Individual,
		#[codec(index = 1)]
		Enterprise,
		/// A licensed financial institution (bank, leasing company, data provider).
		#[codec(index = 2)]
		Institution,
	}
}

wire_type! {
	/// Residency for foreign-exchange purposes.
	pub enum Residency {
		#[codec(index = 0)]
		Resident,
		#[codec(index = 1)]
		NonResident,
	}
}

wire_type! {
	/// Depth of the verification done off chain.
	pub enum KycLevel {
		/// Document checked remotely.
		#[codec(index = 0)]
		Basic,
		/// Document checked in person or by a qualified electronic process.
		#[codec(index = 1)]
		Standard,
		/// Standard plus source of funds and beneficial ownership.
		#[codec(index = 2)]
		Enhanced,
	}
}

wire_type! {
	/// The FX authority's supervision class of an enterprise.
	pub enum SupervisionClass {
		/// Normal.
		#[codec(index = 0)]
		A,
		/// Every flow is checked against documents.
		#[codec(index = 1)]
		B,
		/// Every flow needs prior registration with the regulator: held for review.
		#[codec(index = 2)]
		C,
	}
}

/// An ISO 3166-1 alpha-2 country code, two upper-case ASCII letters (`*b"CN"`); JSON (genesis
/// presets) writes it as a string, `"CN"`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct CountryCode(pub [u8; 2]);

impl Serialize for CountryCode {
	fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		let text = core::str::from_utf8(&self.0).map_err(serde::ser::Error::custom)?;
		serializer.serialize_str(text)
	}
}

impl<'de> Deserialize<'de> for CountryCode {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = alloc::string::String::deserialize(deserializer)?;
		let code: [u8; 2] = text
			.as_bytes()
			.try_into()
			.map_err(|_| serde::de::Error::custom("a country code has two letters"))?;
		Ok(CountryCode(code))
	}
}

impl CountryCode {
	/// Two upper-case ASCII letters; whether the code is assigned is the registrar's business.
	pub fn is_well_formed(&self) -> bool {
		self.0.iter().all(u8::is_ascii_uppercase)
	}
}

wire_type! {
	/// Who suspended a credential, which decides who may lift the suspension.
	pub enum Suspender {
		/// The registrar that issued it; it may reinstate it.
		#[codec(index = 0)]
		Registrar,
		/// A supervisor; only governance lifts it.
		#[codec(index = 1)]
		Supervisor,
	}
}

wire_type! {
	/// Lifecycle of a credential. Only `Active` and unexpired counts as verified.
	pub enum CredentialStatus {
		#[codec(index = 0)]
		Active,
		#[codec(index = 1)]
		Suspended(Suspender),
		/// Kept as a record; a registrar may attest the account afresh.
		#[codec(index = 2)]
		Revoked,
	}
}

wire_type! {
	/// What a registrar attests about an account: categories and a keyed hash, never the data.
	pub struct KycProfile {
		/// The person or entity behind the account; several accounts may share one.
		pub person: PersonId,
		pub entity: EntityType,
		pub residency: Residency,
		pub jurisdiction: CountryCode,
		pub level: KycLevel,
		/// Required for enterprises, absent for everyone else.
		pub class: Option<SupervisionClass>,
	}
}

/// A registrar's attestation about an account, with its lifecycle.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct Credential<AccountId> {
	/// The licensed registrar that verified the account and answers for it.
	pub registrar: AccountId,
	pub profile: KycProfile,
	/// When the credential was attested (milliseconds since the Unix epoch).
	pub issued_at: Moment,
	/// From this moment on the account is no longer verified until renewed.
	pub expires_at: Moment,
	pub status: CredentialStatus,
}

/// An account's standing, as the `KycApi` runtime API reports it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct AccountVerification<AccountId> {
	/// Whether the account counts as verified right now (live credential).
	pub verified: bool,
	/// The account's credential, live or not.
	pub credential: Option<Credential<AccountId>>,
	/// The institution licences the account holds.
	pub licences: Vec<(Role, LicenceStatus)>,
}

/// Institution licences, as every pallet sees them.
pub trait LicenceProvider<AccountId> {
	/// Whether `who` holds an active licence for `role`.
	fn is_licensed(who: &AccountId, role: Role) -> bool;
}

/// Real-name verification, as every pallet sees it.
pub trait KycProvider<AccountId> {
	/// The verified profile of `who`, or `None` when the account has no live credential
	/// (none, expired, suspended, revoked, or its registrar's licence revoked).
	fn verified_profile(who: &AccountId) -> Option<KycProfile>;

	/// The person behind `who`, whether or not the credential is live: quotas and watch lists
	/// follow the person across all their accounts and outlive a credential.
	fn person_of(who: &AccountId) -> Option<PersonId>;

	/// Whether `who` has a live credential.
	fn is_verified(who: &AccountId) -> bool {
		Self::verified_profile(who).is_some()
	}
}

sp_api::decl_runtime_apis! {
	/// Digital identity queries for wallets, integrators and other institutions.
	pub trait KycApi<AccountId> where AccountId: Codec {
		/// Verification status, credential and licences of an account.
		fn verification(who: AccountId) -> AccountVerification<AccountId>;
	}
}
