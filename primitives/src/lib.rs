//! # fxchain primitives
//!
//! The types every fxchain crate agrees on (accounts, balances, block numbers) and, as the
//! capabilities land, the traits through which pallets see each other (`KycProvider`,
//! `CapitalFlowCheck`, `ForexLedger`) and the runtime APIs they serve. Pallets depend on this crate, never on each other.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

/// Derives shared by the small `Copy` types that cross the wire and live in storage (and, with
/// `serde`, in genesis presets). Declared before the modules that use it.
macro_rules! wire_type {
	($item:item) => {
		#[derive(
			Clone,
			Copy,
			PartialEq,
			Eq,
			PartialOrd,
			Ord,
			codec::Encode,
			codec::Decode,
			codec::DecodeWithMemTracking,
			codec::MaxEncodedLen,
			scale_info::TypeInfo,
			core::fmt::Debug,
			serde::Serialize,
			serde::Deserialize,
		)]
		$item
	};
}

/// Derives shared by the records that live in storage and are generic over the account type
/// (no `Copy`; serialized for JSON-RPC, not read from JSON). Declared before the modules that
/// use it.
macro_rules! stored_type {
	($item:item) => {
		#[derive(
			Clone,
			PartialEq,
			Eq,
			codec::Encode,
			codec::Decode,
			codec::DecodeWithMemTracking,
			codec::MaxEncodedLen,
			scale_info::TypeInfo,
			core::fmt::Debug,
			serde::Serialize,
		)]
		$item
	};
}

pub mod data_sharing;
pub mod forex;
pub mod kyc;
pub mod leasing;
pub mod receivables;
pub mod supervision;

use sp_runtime::{
	generic,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiSignature,
};

/// An index to a block.
pub type BlockNumber = u32;

/// Alias to 512-bit hash when used in the context of a transaction signature on the chain.
pub type Signature = MultiSignature;

/// Some way of identifying an account on the chain: the public key of its signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of the native fee token, in its smallest unit (12 decimals).
pub type Balance = u128;

/// Index of a transaction in the chain.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

/// The hashing algorithm of the chain.
pub type Hashing = BlakeTwo256;

/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Milliseconds since the Unix epoch, as `pallet-timestamp` keeps time.
pub type Moment = u64;

/// A storage key ordered by time, then by a number: both big-endian, so that a map under the
/// identity hasher iterates in time order (agendas, retention queues).
pub fn time_key(at: Moment, id: u64) -> [u8; 16] {
	let mut key = [0u8; 16];
	let (time, number) = key.split_at_mut(8);
	time.copy_from_slice(&at.to_be_bytes());
	number.copy_from_slice(&id.to_be_bytes());
	key
}

/// The time and the number a [`time_key`] holds.
pub fn split_time_key(key: &[u8; 16]) -> (Moment, u64) {
	let mut time = [0u8; 8];
	let mut number = [0u8; 8];
	let (t, n) = key.split_at(8);
	time.copy_from_slice(t);
	number.copy_from_slice(n);
	(Moment::from_be_bytes(time), u64::from_be_bytes(number))
}

/// The native fee token's symbol, decimals and SS58 address prefix, in one place for the runtime
/// and the chain-spec properties that tell Polkadot.js Apps how to show them.
pub mod token {
	use super::Balance;

	/// Ticker shown by wallets.
	pub const SYMBOL: &str = "FXC";
	/// Decimal places of one token.
	pub const DECIMALS: u8 = 12;
	/// SS58 address prefix: the generic Substrate prefix until a dedicated one is registered.
	pub const SS58_PREFIX: u16 = 42;
	/// One whole token in its smallest unit.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// A thousandth of a token.
	pub const MILLI_UNIT: Balance = UNIT / 1_000;
	/// A millionth of a token.
	pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn time_keys_sort_by_time_then_number_and_split_back() {
		assert_eq!(time_key(0x0102, 3), [0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 3]);
		let keys = [
			time_key(5, 0),
			time_key(5, 1),
			time_key(5, u64::MAX),
			time_key(6, 0),
			time_key(256, 0),
			time_key(1_781_496_000_000, 7),
			time_key(Moment::MAX, 0),
		];
		assert!(keys.windows(2).all(|pair| pair[0] < pair[1]));
		assert_eq!(split_time_key(&time_key(1_781_496_000_000, 7)), (1_781_496_000_000, 7));
	}
}
