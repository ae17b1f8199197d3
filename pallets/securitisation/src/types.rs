//! The pallet's own bookkeeping of transfers that supervision holds.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use fxchain_primitives::{
	forex::Amount,
	receivables::{PoolId, Tranche},
};
use scale_info::TypeInfo;

/// A transfer of the pallet that supervision holds for review, and what it does once decided.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Pending<AccountId> {
	/// An investor's payment for `units` of `tranche`, which wait in the pool's account: a
	/// release gives them to the investor, a return gives them back to the originator.
	/// `accrued` is what payment dates gave the waiting units meanwhile (counted in the pool's
	/// `owed`): it becomes owed to whoever ends up with the units.
	#[codec(index = 0)]
	Purchase {
		pool: PoolId,
		tranche: Tranche,
		investor: AccountId,
		units: Amount,
		price: Amount,
		accrued: Amount,
	},
	/// A payout of `amount` to `holder`, counted as paid out: a return makes it owed to the
	/// holder again (paid at the next payment date).
	#[codec(index = 1)]
	Payout { pool: PoolId, holder: AccountId, amount: Amount },
}
