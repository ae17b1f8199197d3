//! The door: a transaction extension that rejects, at the pool, signed extrinsics from accounts
//! without a live KYC credential or an active licence, except open calls (onboarding).
//!
//! It looks only at the outer call, which is what makes it cheap. A batch or a proxy call is not
//! an open call, so an unverified account cannot hide a transfer inside one; a verified
//! account's nested calls are checked where money moves (the currency layer), not here.

use crate::{Config, Door, Error, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, PostDispatchInfoOf, TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	DispatchResult, Weight,
};

/// Rejects signed extrinsics from unverified accounts with
/// `InvalidTransaction::Custom(code)`, where `code` is the index of [`Error::NotVerified`] in the
/// pallet's errors, so a client finds the error's name and documentation in the metadata.
///
/// The block is charged the worst case (`WeightInfo::check_kyc`, an unverified institution whose
/// every licence is read); an extrinsic that took the cheaper path of a verified account or an
/// open call gets the difference back after dispatch, and pays fees on what it used.
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
	/// The weight to give back after dispatch.
	type Val = Weight;
	type Pre = Weight;

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
		let worst = T::WeightInfo::check_kyc();
		let refund = match origin.as_signer().map(|who| Pallet::<T>::door(who, call)) {
			// Not signed: nothing to check.
			None => worst,
			Some(Door::Open | Door::Verified) => {
				worst.saturating_sub(T::WeightInfo::check_kyc_verified())
			},
			Some(Door::Licensed) => Weight::zero(),
			Some(Door::Closed) => {
				return Err(InvalidTransaction::Custom(Self::rejection_code()).into())
			},
		};
		Ok((ValidTransaction::default(), refund, origin))
	}

	fn prepare(
		self,
		refund: Self::Val,
		_origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		_call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		Ok(refund)
	}

	fn post_dispatch_details(
		refund: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(refund)
	}
}
