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
