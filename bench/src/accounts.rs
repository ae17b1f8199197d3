//! The benchmark's accounts, derived from the development phrase so that every run (and anyone
//! reading the chain) finds the same ones: `//bench//sender//{i}` and so on, sr25519.

use fxchain_primitives::{
	kyc::{CountryCode, EntityType, KycLevel, KycProfile, Residency},
	AccountId,
};
use sp_core::{sr25519, Pair, H256};

/// The kinds of bench account, each with its own derivation path and credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
	/// Individuals resident in CN: they send every workload.
	Senders,
	/// Individuals resident in CN: they receive domestic payments and transfers.
	Residents,
	/// Non-resident individuals in HK: they receive cross-border payments.
	Foreigners,
}

impl Group {
	fn path(self) -> &'static str {
		match self {
			Self::Senders => "sender",
			Self::Residents => "resident",
			Self::Foreigners => "foreigner",
		}
	}

	fn residency(self) -> (Residency, CountryCode) {
		match self {
			Self::Senders | Self::Residents => (Residency::Resident, CountryCode(*b"CN")),
			Self::Foreigners => (Residency::NonResident, CountryCode(*b"HK")),
		}
	}
}

/// One bench account: its key, and the credential a registrar gives it.
pub struct Account {
	pub pair: sr25519::Pair,
	pub id: AccountId,
	pub profile: KycProfile,
}

impl Account {
	pub fn derive(group: Group, index: usize) -> Self {
		let uri = format!("//bench//{}//{index}", group.path());
		let pair = sr25519::Pair::from_string(&uri, None)
			.expect("a hard derivation of the development phrase is a valid URI; qed");
		let id = AccountId::from(pair.public());
		let (residency, jurisdiction) = group.residency();
		let profile = KycProfile {
			// Every account is its own person, so that quotas and day totals do not add up
			// across accounts (a registrar's keyed document hash, in production).
			person: H256(sp_crypto_hashing::blake2_256(
				[b"fxchain bench person/".as_slice(), uri.as_bytes()].concat().as_slice(),
			)),
			entity: EntityType::Individual,
			residency,
			jurisdiction,
			level: KycLevel::Standard,
			class: None,
		};
		Self { pair, id, profile }
	}

	pub fn group(group: Group, count: usize) -> Vec<Self> {
		(0..count).map(|index| Self::derive(group, index)).collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accounts_are_deterministic_and_distinct_persons() {
		let a = Account::derive(Group::Senders, 3);
		let b = Account::derive(Group::Senders, 3);
		assert_eq!(a.id, b.id);
		assert_eq!(a.profile, b.profile);
		let c = Account::derive(Group::Residents, 3);
		assert_ne!(a.id, c.id);
		assert_ne!(a.profile.person, c.profile.person);
		let f = Account::derive(Group::Foreigners, 0);
		assert_eq!(f.profile.residency, Residency::NonResident);
		assert_eq!(f.profile.jurisdiction, CountryCode(*b"HK"));
	}
}
