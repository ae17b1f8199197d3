//! Plain data types of the KYC pallet. The shared vocabulary (roles, profiles, credentials) lives
//! in `fxchain_primitives::kyc`, where other pallets and the runtime API see it.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::dispatch::DispatchResult;
use fxchain_primitives::{
	kyc::{KycProfile, LicenceStatus},
	Moment,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::DispatchError;

/// An institution's licence for one role.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Licence {
	pub status: LicenceStatus,
	/// When governance granted it (milliseconds since the Unix epoch; 0 at genesis).
	pub granted_at: Moment,
	/// For a `Registrar` licence: the institution's index among `pallet-identity`'s registrars.
	pub identity_registrar: Option<u32>,
}

/// A credential in the genesis config: `registrar` attests `who` with `profile` until `expires_at`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisCredential<AccountId> {
	pub who: AccountId,
	pub registrar: AccountId,
	pub profile: KycProfile,
	pub expires_at: Moment,
}

/// `pallet-identity`'s registrar list, which follows the `Registrar` licences so that wallets
/// show institutions' judgements with the usual ticks.
pub trait IdentityRegistrars<AccountId> {
	/// Make `who` an identity registrar; returns its registrar index.
	fn add(who: &AccountId) -> Result<u32, DispatchError>;
	/// Remove `who` from the registrar at `index`; nothing to do if the slot no longer holds it
	/// (governance may have removed it through `pallet-identity` directly).
	fn remove(who: &AccountId, index: u32) -> DispatchResult;
	/// How many more registrars the list takes (benchmarks fill it to find the worst case).
	fn free_slots() -> u32;
}

/// How a signed extrinsic passed the door, or that it did not (see [`crate::CheckKyc`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Door {
	/// The call is open to everyone (onboarding); nothing was read.
	Open,
	/// The sender has a live credential.
	Verified,
	/// The sender is an institution with an active licence.
	Licensed,
	/// Neither: the extrinsic is refused.
	Closed,
}
