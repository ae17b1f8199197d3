//! The door: a transaction extension that rejects, at the pool, signed extrinsics from accounts
//! without a live KYC credential or an active licence, except open calls (onboarding).
//!
//! It looks only at the outer call, which is what makes it cheap. A batch or a proxy call is not
//! an open call, so an unverified account cannot hide a transfer inside one; a verified
//! account's nested calls are checked where money moves (the currency layer), not here.

use crate::{Config, Error, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
	Weight,
};

/// Rejects signed extrinsics from unverified accounts with
/// `InvalidTransaction::Custom(code)`, where `code` is the index of [`Error::NotVerified`] in the
/// pallet's errors, so a client finds the error's name and documentation in the metadata.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckKyc<T>(PhantomData<T>);

impl<T> CheckKyc<T> {
	/// The extension; it carries no data.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config> CheckKyc<T> {
	/// The code the extension rejects with: the index of `Error::NotVerified`.
	pub fn rejection_code() -> u8 {
		Error::<T>::NotVerified.encode().first().copied().unwrap_or_default()
	}
}

impl<T> core::fmt::Debug for CheckKyc<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckKyc")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckKyc<T>
{
	const IDENTIFIER: &'static str = "CheckKyc";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_kyc()
	}

	fn validate(
		&self,
		origin: <T as frame_system::Config>::RuntimeOrigin,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if !Pallet::<T>::may_submit(who, call) {
				return Err(InvalidTransaction::Custom(Self::rejection_code()).into());
			}
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}
