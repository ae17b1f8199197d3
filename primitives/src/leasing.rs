//! Finance leases: the asset registry, the contract terms, the schedule and the queries that
//! lessors, lessees, financiers and the regulator make.

use crate::{
	forex::{Amount, CurrencyId},
	Moment,
};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::Perbill;

/// A lease's number, in drafting order.
pub type LeaseId = u64;

/// A leased or pledged asset's key: a hash of its serial number and purchase invoice, which
/// anyone holding the documents can recompute to look the asset up before financing it.
pub type AssetKey = H256;

wire_type! {
	/// How the principal is repaid.
	pub enum Method {
		/// Annuity: every instalment the same rent (the last absorbs the rounding).
		#[codec(index = 0)]
		EqualInstalment,
		/// The same principal every instalment, interest on the outstanding principal (the
		/// last instalment's principal absorbs the rounding).
		#[codec(index = 1)]
		EqualPrincipal,
	}
}

wire_type! {
	/// What happens to the asset when all rent is paid.
	pub enum EndOption {
		/// Title passes to the lessee for a nominal price (possibly zero).
		#[codec(index = 0)]
		Purchase { price: Amount },
		/// The asset returns to the lessor.
		#[codec(index = 1)]
		Return,
	}
}

wire_type! {
	/// Arrears at which the lessor may send a demand notice: at least `instalments` overdue
	/// instalments, or overdue rent of at least `share` of the total rent.
	pub struct DefaultTrigger {
		pub instalments: u16,
		pub share: Perbill,
	}
}

impl Default for DefaultTrigger {
	/// Two instalments or 15% of the total rent, as finance-lease contracts commonly agree.
	fn default() -> Self {
		Self { instalments: 2, share: Perbill::from_percent(15) }
	}
}

wire_type! {
	/// A lease's terms, as the lessor drafts them and the lessee signs them. Amounts are in the
	/// currency's minor unit, times in milliseconds.
	pub struct Terms {
		pub currency: CurrencyId,
		/// The amount financed: what the lessor paid for the asset.
		pub principal: Amount,
		/// Interest per instalment period, on the outstanding principal.
		pub rate: Perbill,
		/// How many instalments.
		pub instalments: u16,
		/// Time between instalments; the first falls due one period after signing.
		pub period: Moment,
		pub method: Method,
		/// Reserved from the lessee's balance at signing, returned at the end, applied first to
		/// what the lessee owes on default.
		pub deposit: Amount,
		/// Late fee per full day an instalment is overdue, as a share of its rent (0.05% a day
		/// is `Perbill::from_parts(500_000)`).
		pub late_fee: Perbill,
		/// The most late fee one instalment accrues, as a share of its rent.
		pub late_fee_cap: Perbill,
		/// Time between the demand notice and the moment the lessor may declare default.
		pub grace: Moment,
		pub trigger: DefaultTrigger,
		/// Early-termination fee on an early buyout, as a share of the outstanding principal.
		pub early_fee: Perbill,
		pub end: EndOption,
	}
}

wire_type! {
	/// One row of a schedule: what instalment `n` repays. Its rent is `principal + interest`.
	pub struct Instalment {
		pub principal: Amount,
		pub interest: Amount,
	}
}

impl Instalment {
	/// The instalment's rent.
	pub fn rent(&self) -> Amount {
		self.principal.saturating_add(self.interest)
	}
}

wire_type! {
	/// Where a lease stands.
	pub enum LeaseStatus {
		/// Drafted by the lessor, waiting for the lessee's signature.
		#[codec(index = 0)]
		Draft,
		/// Signed: the deposit is reserved, the asset encumbered, rent falls due.
		#[codec(index = 1)]
		Active,
		/// The lessor sent a demand notice; the lessee may cure until the grace period ends.
		#[codec(index = 2)]
		Demanded { notice_at: Moment },
		/// The grace period ended with the trigger still met; the lessor chooses a remedy.
		#[codec(index = 3)]
		Defaulted { at: Moment },
		/// All remaining rent and fees fell due at once; `due` is what is still owed.
		#[codec(index = 4)]
		Accelerated { due: Amount },
		/// The lessor repossessed the asset; `due` is the settlement still owed.
		#[codec(index = 5)]
		Terminated { due: Amount },
		/// All rent is paid; the end option completes the lease.
		#[codec(index = 6)]
		Matured,
	}
}

wire_type! {
	/// How a lease ended (the lease leaves storage with its `LeaseClosed` event).
	pub enum Closure {
		/// All rent paid; title passed to the lessee.
		#[codec(index = 0)]
		TitlePassed,
		/// All rent paid; the asset returned to the lessor.
		#[codec(index = 1)]
		Returned,
		/// The lessee bought the asset out early; title passed.
		#[codec(index = 2)]
		BoughtOut,
		/// Repossessed and settled.
		#[codec(index = 3)]
		Terminated,
		/// A draft withdrawn by the lessor or declined by the lessee.
		#[codec(index = 4)]
		Withdrawn,
		/// Terminated, and the lessor gave up the settlement still due.
		#[codec(index = 5)]
		WrittenOff,
	}
}

stored_type! {
	/// A lease on chain.
	pub struct Lease<AccountId> {
		pub lessor: AccountId,
		pub lessee: AccountId,
		pub asset: AssetKey,
		pub terms: Terms,
		/// Blake2-256 of the SCALE-encoded schedule: what the lessee agreed to.
		pub schedule_hash: H256,
		/// The sum of the schedule's rent.
		pub total_rent: Amount,
		pub status: LeaseStatus,
		pub drafted_at: Moment,
		/// When the lessee signed (instalment `n` falls due at `start + n × period`); zero while
		/// a draft.
		pub start: Moment,
		/// How many instalments are paid, oldest first.
		pub paid: u16,
		/// The late fees paid so far.
		pub fees_paid: Amount,
		/// The part of the deposit still reserved from the lessee's balance.
		pub deposit: Amount,
		/// Whether rent is collected from the lessee's balance when it falls due.
		pub auto_pay: bool,
		/// When automatic collection next looks at the lease.
		pub collect_at: Option<Moment>,
		/// A payment of this lease that supervision holds for review: nothing else moves until a
		/// supervisor decides.
		pub in_review: Option<crate::forex::Reference>,
	}
}

stored_type! {
	/// A party's claim on an asset that bars any other.
	pub enum Encumbrance<AccountId> {
		/// Leased to `lessee` under lease `lease`.
		#[codec(index = 0)]
		Lease { lease: LeaseId, lessee: AccountId },
		/// Pledged to `pledgee` as security.
		#[codec(index = 1)]
		Pledge { pledgee: AccountId },
	}
}

stored_type! {
	/// A registered asset.
	pub struct Asset<AccountId> {
		/// Who holds title.
		pub holder: AccountId,
		/// A hash of the asset's description, held off chain.
		pub description: H256,
		/// When it was registered: the earlier registration of a key has priority.
		pub registered_at: Moment,
		/// The lease or pledge on it, and since when.
		pub encumbrance: Option<(Encumbrance<AccountId>, Moment)>,
	}
}

/// One row of a lease's schedule, as the runtime API shows it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ScheduleRow {
	/// 1-based.
	pub number: u16,
	/// When it falls due; `None` while the lease is a draft.
	pub due: Option<Moment>,
	pub principal: Amount,
	pub interest: Amount,
	pub rent: Amount,
	pub paid: bool,
	/// For an unpaid instalment, the late fee accrued now.
	pub late_fee: Amount,
}

/// What a lessee is behind on, now.
#[derive(Clone, Default, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Arrears {
	/// Instalments due and unpaid.
	pub instalments: u16,
	/// Their rent.
	pub rent: Amount,
	/// Their late fees.
	pub fees: Amount,
	/// Whether the default trigger is met.
	pub trigger_met: bool,
}

/// A lease with its schedule, arrears and what settling it would cost, now.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct LeaseView<AccountId> {
	pub id: LeaseId,
	pub lease: Lease<AccountId>,
	pub schedule: Vec<ScheduleRow>,
	pub arrears: Arrears,
	/// What the next `pay` takes from the lessee (zero when nothing is due or payable).
	pub next_payment: Amount,
	/// What an early buyout would take from the lessee now (before the deposit is applied),
	/// when the lease can be bought out.
	pub buyout: Option<Amount>,
}

sp_api::decl_runtime_apis! {
	/// Lease and asset-registry queries for lessors, lessees, financiers and the regulator.
	pub trait LeasingApi<AccountId> where AccountId: Codec {
		/// A lease with its schedule and arrears, while it is open.
		fn lease(id: LeaseId) -> Option<LeaseView<AccountId>>;
		/// A registered asset and its encumbrance: what a financier checks first.
		fn asset(key: AssetKey) -> Option<Asset<AccountId>>;
		/// The open leases in which `who` is lessor or lessee.
		fn leases_of(who: AccountId) -> Vec<LeaseId>;
	}
}
