//! The pallet's records: payments and their legs, quotes, trades.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use fxchain_primitives::{
	forex::{
		Amount, CurrencyId, Documents, MovementKind, PaymentStatus, Purpose, Reasons, TravelRule,
	},
	Moment,
};
use scale_info::TypeInfo;
use sp_core::{ConstU32, H256};
use sp_runtime::{BoundedVec, FixedU128};

/// One movement of one currency inside an operation. A deposit's leg has no payer (the issuer
/// mints), a withdrawal's no payee (the issuer burns).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Leg<AccountId> {
	pub from: Option<AccountId>,
	pub to: Option<AccountId>,
	pub currency: CurrencyId,
	pub amount: Amount,
}

impl<AccountId: Clone> Leg<AccountId> {
	/// The account a reservation for this leg belongs to: the payer, or for a deposit held for
	/// review, the payee.
	pub fn owner(&self) -> Option<AccountId> {
		self.from.clone().or_else(|| self.to.clone())
	}
}

/// A payment, conversion, trade, deposit or withdrawal: its legs, what supervision said, and
/// where it stands. Both legs of an exchange settle together or not at all.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Record<AccountId> {
	/// Position in the order of all records, for bounded retention.
	pub seq: u64,
	pub kind: MovementKind,
	pub legs: BoundedVec<Leg<AccountId>, ConstU32<2>>,
	pub purpose: Purpose,
	/// Decided from the parties' residency and jurisdiction.
	pub cross_border: bool,
	pub travel_rule: Option<TravelRule>,
	pub documents: Documents,
	/// For deposits and withdrawals: the issuing bank and its reference for the fiat movement.
	pub issuer: Option<AccountId>,
	pub bank_reference: Option<H256>,
	pub status: PaymentStatus,
	/// Every reason supervision gave (reports, hold or denial).
	pub reasons: Reasons,
	pub created_at: Moment,
	pub updated_at: Moment,
}

impl<AccountId: Clone + PartialEq> Record<AccountId> {
	/// Every account on the record's legs, each once, payers first.
	pub fn parties(&self) -> Vec<AccountId> {
		let mut parties: Vec<AccountId> = Vec::new();
		for leg in &self.legs {
			for who in [&leg.from, &leg.to].into_iter().flatten() {
				if !parties.contains(who) {
					parties.push(who.clone());
				}
			}
		}
		parties
	}
}

impl<AccountId> Record<AccountId> {
	/// A domestic operation of one leg, with no documents, before `submit` numbers it, asks
	/// supervision and sets its status, reasons and times.
	pub fn new(kind: MovementKind, leg: Leg<AccountId>) -> Self {
		let mut legs = BoundedVec::new();
		// One leg always fits in two.
		let _ = legs.try_push(leg);
		Self {
			seq: 0,
			kind,
			legs,
			purpose: Purpose::Domestic,
			cross_border: false,
			travel_rule: None,
			documents: Documents::default(),
			issuer: None,
			bank_reference: None,
			status: PaymentStatus::Denied,
			reasons: Reasons::default(),
			created_at: 0,
			updated_at: 0,
		}
	}
}

/// A market maker's standing offer: it sells up to `remaining` of `offer` for `ask` at `rate`.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Quote<AccountId> {
	pub maker: AccountId,
	/// The currency the market maker sells (the customer receives).
	pub offer: CurrencyId,
	/// The currency the market maker buys (the customer pays).
	pub ask: CurrencyId,
	/// Minor units of `ask` per minor unit of `offer`.
	pub rate: FixedU128,
	/// How much of `offer` the quote still sells.
	pub remaining: Amount,
	pub expires_at: Moment,
}

/// An institution's offer of a PvP trade to another: its `give` leg is reserved until the
/// counterparty accepts or declines, or the offer expires.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Trade<AccountId> {
	pub proposer: AccountId,
	pub counterparty: AccountId,
	/// What the proposer sells: currency and amount.
	pub give: (CurrencyId, Amount),
	/// What the proposer buys.
	pub take: (CurrencyId, Amount),
	pub expires_at: Moment,
	/// What the trade is for, as the proposer states it.
	pub purpose: Purpose,
}

/// The reservation the escrow account holds for this trade.
impl<AccountId: Clone> Trade<AccountId> {
	pub fn give_leg(&self) -> Leg<AccountId> {
		Leg {
			from: Some(self.proposer.clone()),
			to: Some(self.counterparty.clone()),
			currency: self.give.0,
			amount: self.give.1,
		}
	}

	pub fn take_leg(&self) -> Leg<AccountId> {
		Leg {
			from: Some(self.counterparty.clone()),
			to: Some(self.proposer.clone()),
			currency: self.take.0,
			amount: self.take.1,
		}
	}
}
