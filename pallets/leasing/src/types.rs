//! The pallet's own bookkeeping of payments that supervision holds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fxchain_primitives::{forex::Amount, leasing::LeaseId};
use scale_info::TypeInfo;

/// What a lease payment does once it executes.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum Effect {
	/// Instalment `number` (1-based) is paid, with its late fee.
	#[codec(index = 0)]
	Rent { number: u16, rent: Amount, fee: Amount },
	/// `amount` of the settlement due after acceleration or termination is paid.
	#[codec(index = 1)]
	Settlement { amount: Amount },
	/// An early buyout is paid: title passes and the lease closes.
	#[codec(index = 2)]
	Buyout,
	/// The nominal price is paid at maturity: title passes and the lease closes.
	#[codec(index = 3)]
	Purchase,
	/// A termination's surplus of `amount` reached the lessee: the lease closes.
	#[codec(index = 4)]
	Surplus { amount: Amount },
}

/// A lease payment supervision holds for review.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct Pending {
	pub lease: LeaseId,
	pub effect: Effect,
	/// The part of the deposit given back to the lessee's balance for the payment, reserved
	/// again if the payment does not execute.
	pub released_deposit: Amount,
}
