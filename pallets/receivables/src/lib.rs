//! # Receivables pallet: trade documents financed once, collected, and assigned
//!
//! Licensed registrants (customs, tax, logistics platforms, the exporter's bank) register
//! trade documents by a keyed hash of their number. A bank finances against one or more of
//! them up to what each has left (face value less collections less earlier financings), and
//! the chain writes an endorsement on every document it financed, visible to every bank: a
//! second bank can finance only what is left, and nobody finances a document twice. Repayment,
//! collection and release reduce and remove the endorsements. A receivable (a document's
//! collections, or a lease's future rent) is assigned to a buyer; the debtor's payments follow
//! the registered assignment. Every movement of money goes through [`ForexLedger`], so
//! supervision sees disbursements, repayments and collections like any payment.
//!
//! ## Terminology
//!
//! - **Document** ([`Document`]): kind, registrant, creditor, a keyed hash of the debtor, currency,
//!   face value, due date, what is financed against it and what the debtor has paid. Its key
//!   ([`DocumentId`]) is a keyed hash of its kind and number: the same document registered twice
//!   gets the same key, and the second registration is refused.
//! - **Holder**: who the debtor's payments go to: the registered assignee, otherwise the creditor
//!   (a lease's: the registered assignee, otherwise the lessor).
//! - **Financing** ([`Financing`]): a bank's loan to the holder of some documents, with the
//!   amount against each (its lines). Each line is an **endorsement** on its document
//!   ([`Endorsement`]), in registration order, which is the banks' priority.
//! - **Available**: what a bank may still finance against a document: face value less what
//!   the debtor paid less what is financed, never below zero.
//! - **Default**: a document unpaid `DefaultGrace` after its due date. It cannot be financed.
//! - **Assignment**: the holder offers a receivable to an assignee (an unregistered assignment,
//!   [`Offer`]), which the assignee registers ([`Assignment`]). Registered beats unregistered:
//!   once one offer is registered the holder changes and every other offer of the old holder is
//!   void; earlier registration beats later: the second registration is refused
//!   (`AssignorNoLongerHolder`). A lease's rent changes hands only while the lease runs and no
//!   payment of it is in review.
//! - **Held payments**: when supervision holds a repayment or a document payment for review,
//!   nothing changes until a supervisor decides ([`LedgerObserver`]): a release applies it, a
//!   rejection or expiry leaves everything as it was. Meanwhile the financing (the document)
//!   accepts no other payment, and a document in review cannot be financed. A disbursement that
//!   supervision holds does not undo the financing: its endorsements protect against double
//!   financing at once, but it is neither repaid nor released until a supervisor decides; a
//!   rejected or expired disbursement voids the financing (`DisbursementReturned`).
//!
//! ## Interface
//!
//! ### Registrants (signed, with an active `DataProvider` or `Issuer` licence)
//! - [`register_document`](Pallet::register_document).
//!
//! ### Banks (signed, with an active `Issuer` licence)
//! - [`finance`](Pallet::finance), [`release`](Pallet::release).
//!
//! ### Verified accounts (signed)
//! - Borrowers: [`repay`](Pallet::repay).
//! - Debtors (or anyone on their behalf): [`pay_document`](Pallet::pay_document).
//! - Holders: [`offer_assignment`](Pallet::offer_assignment),
//!   [`withdraw_offer`](Pallet::withdraw_offer); assignees:
//!   [`register_assignment`](Pallet::register_assignment).
//!
//! ### Other pallets and clients
//! - [`ReceivableRegistry`] (for securitisation pools), [`RentRouting`] (for the leasing
//!   pallet) and [`LedgerObserver`] (for the forex pallet) are implemented by [`Pallet`].
//! - The runtime's `ReceivablesApi` (`document`, `financings_of`, `assignee`) is served by
//!   [`document_status`](Pallet::document_status), [`financings_of`](Pallet::financings_of) and
//!   [`assignee`](Pallet::assignee).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

pub use fxchain_primitives::receivables::{
	DocumentId, DocumentKind, DocumentStatus, Endorsement, Endorsements, Financing, FinancingId,
	FinancingStatus, ReceivableId, ReceivableInfo,
};
pub use pallet::*;
pub use types::{Assignment, Document, Offer, Pending};
pub use weights::WeightInfo;

/// What the benchmarks need from the identity layer, the currency ledger and the clock.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` a live credential (a resident enterprise in one jurisdiction, so that every
	/// payment between two such accounts is domestic).
	fn verify(who: &AccountId);
	/// Give `who` an active licence for `role` (`Issuer` for banks, `DataProvider` for
	/// registrants).
	fn license(who: &AccountId, role: fxchain_primitives::kyc::Role);
	/// A registered currency, and `amount` of it in `who`'s balance.
	fn fund(
		who: &AccountId,
		amount: fxchain_primitives::forex::Amount,
	) -> fxchain_primitives::forex::CurrencyId;
	/// Set the time `Config::Time` reports to `now` (milliseconds since the Unix epoch).
	fn set_time(now: fxchain_primitives::Moment);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use fxchain_primitives::{
		forex::{
			is_cross_border, Amount, CurrencyId, ForexLedger, LedgerObserver, LedgerOutcome,
			Purpose, Reference,
		},
		kyc::{KycProvider, LicenceProvider, Role},
		leasing::LeaseId,
		receivables::{CollectionObserver, LeaseReceivables, ReceivableRegistry, RentRouting},
		Moment,
	};
	use sp_core::H256;
	use sp_runtime::traits::Zero;

	/// Storage layout version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// A financing as this pallet stores it.
	pub type FinancingOf<T> =
		Financing<<T as frame_system::Config>::AccountId, <T as Config>::MaxDocumentsPerFinancing>;

	/// The lines of a financing: documents and the amount financed against each.
	pub type Lines<T> = BoundedVec<(DocumentId, Amount), <T as Config>::MaxDocumentsPerFinancing>;

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Real-name verification: every party must be verified; residency decides whether a
		/// payment crosses a border.
		type Kyc: KycProvider<Self::AccountId>;

		/// Institution licences: `DataProvider`s and `Issuer`s register documents, `Issuer`s
		/// finance them.
		type Licences: LicenceProvider<Self::AccountId>;

		/// The currency ledger, through which every payment moves (and so through supervision).
		type Ledger: ForexLedger<Self::AccountId>;

		/// Chain time: registration order, due dates and default.
		type Time: Time<Moment = Moment>;

		/// The leasing pallet's leases, seen as receivables.
		type Leases: LeaseReceivables<Self::AccountId>;

		/// Told of every collection that reaches a receivable's holder (a pool counts its own).
		type Observer: CollectionObserver<Self::AccountId>;

		/// The most documents one financing may cover.
		#[pallet::constant]
		type MaxDocumentsPerFinancing: Get<u32>;

		/// The most unregistered assignments (offers) a receivable may have at a time.
		#[pallet::constant]
		type MaxOffers: Get<u32>;

		/// How long after its due date an unpaid document is in default, in milliseconds.
		#[pallet::constant]
		type DefaultGrace: Get<Moment>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up credentials, licences, balances and time for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The document registry. Keys are chosen by the registrant, hence Blake2.
	#[pallet::storage]
	pub type Documents<T: Config> =
		StorageMap<_, Blake2_128Concat, DocumentId, Document<T::AccountId>, OptionQuery>;

	/// Every financing, open or closed (a closed one stays as a record). Numbers are the
	/// chain's own sequence, hence Twox.
	#[pallet::storage]
	pub type Financings<T: Config> =
		StorageMap<_, Twox64Concat, FinancingId, FinancingOf<T>, OptionQuery>;

	/// The next financing's number.
	#[pallet::storage]
	pub type NextFinancingId<T: Config> = StorageValue<_, FinancingId, ValueQuery>;

	/// The financings of each bank (accounts are user-controlled keys, hence Blake2).
	#[pallet::storage]
	pub type FinancingsOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		FinancingId,
		(),
		OptionQuery,
	>;

	/// Registered assignments: the receivable's payments go to the assignee. Receivable ids
	/// carry user-chosen document keys, hence Blake2.
	#[pallet::storage]
	pub type Assignments<T: Config> =
		StorageMap<_, Blake2_128Concat, ReceivableId, Assignment<T::AccountId>, OptionQuery>;

	/// Unregistered assignments, oldest first.
	#[pallet::storage]
	pub type Offers<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		ReceivableId,
		BoundedVec<Offer<T::AccountId>, T::MaxOffers>,
		ValueQuery,
	>;

	/// Payments supervision holds for review, by the forex reference (a hash the chain
	/// generates, hence Twox).
	#[pallet::storage]
	pub type InReview<T: Config> =
		StorageMap<_, Twox64Concat, Reference, Pending<T::AccountId>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A trade document was registered: its key is taken.
		DocumentRegistered {
			document: DocumentId,
			kind: DocumentKind,
			registrant: T::AccountId,
			creditor: T::AccountId,
			currency: CurrencyId,
			face_value: Amount,
			due: Moment,
		},
		/// A bank financed documents: their endorsements are written and `principal` was paid
		/// to the borrower (`reference`, which supervision may hold).
		Financed {
			financing: FinancingId,
			bank: T::AccountId,
			borrower: T::AccountId,
			currency: CurrencyId,
			principal: Amount,
			reference: Reference,
		},
		/// `amount` of a financing was repaid (by the borrower, or by a collection that reached
		/// the bank as the documents' holder); `outstanding` remains.
		Repaid { financing: FinancingId, amount: Amount, outstanding: Amount, reference: Reference },
		/// A financing was repaid in full: its endorsements left its documents.
		FinancingClosed { financing: FinancingId },
		/// The bank closed a financing, `waived` being settled off chain: its endorsements left
		/// its documents.
		FinancingReleased { financing: FinancingId, waived: Amount },
		/// Supervision holds a repayment for review; the financing waits for the decision.
		RepaymentHeld { financing: FinancingId, reference: Reference, amount: Amount },
		/// A held repayment was rejected or expired: the borrower has the funds back and the
		/// financing is as it was.
		RepaymentReturned { financing: FinancingId, reference: Reference },
		/// The debtor's payment of `amount` reached the document's holder; `collected` is the
		/// document's total.
		DocumentPaid {
			document: DocumentId,
			payer: T::AccountId,
			holder: T::AccountId,
			amount: Amount,
			collected: Amount,
			reference: Reference,
		},
		/// Supervision holds a document payment for review; the document waits for the decision.
		DocumentPaymentHeld { document: DocumentId, reference: Reference, amount: Amount },
		/// A held document payment was rejected or expired: the payer has the funds back and the
		/// document is as it was.
		DocumentPaymentReturned { document: DocumentId, reference: Reference },
		/// The holder offered a receivable to `assignee` (unregistered until it registers it).
		AssignmentOffered {
			receivable: ReceivableId,
			assignor: T::AccountId,
			assignee: T::AccountId,
		},
		/// An assignment was registered: `assignee` holds the receivable, and the debtor's
		/// payments go to it.
		AssignmentRegistered {
			receivable: ReceivableId,
			assignor: T::AccountId,
			assignee: T::AccountId,
		},
		/// The assignor withdrew an offer.
		OfferWithdrawn { receivable: ReceivableId, assignor: T::AccountId, assignee: T::AccountId },
		/// Supervision holds a financing's disbursement: the financing protects the documents,
		/// but nothing is repaid or released until a supervisor decides.
		DisbursementHeld { financing: FinancingId, reference: Reference },
		/// A held disbursement was released: the borrower has the principal.
		DisbursementReleased { financing: FinancingId, reference: Reference },
		/// A held disbursement was rejected or expired: the bank has its money back, and the
		/// financing is void (`Released`), its endorsements gone from the documents.
		DisbursementReturned { financing: FinancingId, reference: Reference },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Registering a document needs an active `DataProvider` or `Issuer` licence, financing
		/// an active `Issuer` licence: obtain it from governance.
		NotLicensed,
		/// Every party must be a verified account: renew or obtain the credential.
		NotVerified,
		/// A document is registered under this key already: the earlier registration stands
		/// (read it with `ReceivablesApi::document`).
		AlreadyRegistered,
		/// An amount or face value of zero: give a positive amount.
		ZeroAmount,
		/// No document is registered under this key: register it first.
		DocumentNotFound,
		/// No financing with this number: check it with `ReceivablesApi::financings_of`.
		FinancingNotFound,
		/// A financing needs at least one document: add a line `(document, amount)`.
		NoLines,
		/// A document appears twice in one financing: put its whole amount on one line.
		DuplicateDocument,
		/// The documents of one financing must share a currency: finance the others separately.
		CurrencyMismatch,
		/// The documents of one financing must have the same holder, who borrows: finance the
		/// others separately.
		HolderMismatch,
		/// The document is unpaid past its due date and grace period: it cannot be financed.
		DocumentInDefault,
		/// The amount exceeds what the document has available (face value less collections
		/// less earlier financings): read `available` with `ReceivablesApi::document`.
		ExceedsFaceValue,
		/// The document carries the most endorsements it may: wait until a financing of it
		/// closes.
		TooManyEndorsements,
		/// A bank cannot finance documents it holds itself: another bank must finance them.
		SelfFinancing,
		/// Only the financing's borrower may repay it: sign with the borrower's account
		/// (`fxchain_financings` names it).
		NotBorrower,
		/// Only the financing's bank may do this: sign with the bank's account.
		NotBank,
		/// The financing is repaid or released already: nothing is owed (check
		/// `fxchain_financings`).
		FinancingClosed,
		/// The amount exceeds what is outstanding (on the financing, or unpaid on the document):
		/// pay at most that.
		ExceedsOutstanding,
		/// A payment of this financing or document is held for review: wait for the supervisor's
		/// decision.
		PaymentInReview,
		/// The payer is the document's holder, so nothing would move: the debtor (or someone on
		/// its behalf) pays.
		SelfPayment,
		/// No such receivable: the document is not registered, or the lease is not open; check
		/// the id with `fxchain_document` or `fxchain_lease`.
		ReceivableNotFound,
		/// Only the receivable's holder may do this: ask the holder (`fxchain_assignee`, else
		/// the creditor or lessor).
		NotHolder,
		/// The lease has no rent to assign now (a draft, matured, or a payment of it in review):
		/// try again when it runs and no payment is in review.
		LeaseNotAssignable,
		/// A receivable cannot be assigned to its holder: name another assignee.
		SelfAssignment,
		/// The receivable has the most offers it may: withdraw one first.
		TooManyOffers,
		/// This offer exists already: wait for the assignee to register it, or withdraw it.
		AlreadyOffered,
		/// No such offer: the holder must offer the receivable to the caller first.
		OfferNotFound,
		/// The offer's assignor no longer holds the receivable (another assignment was registered
		/// first): the offer is void; ask the holder now (`ReceivablesApi::assignee`).
		AssignorNoLongerHolder,
		/// An amount overflowed (please report it).
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxDocumentsPerFinancing::get() > 0, "a financing needs a document");
			assert!(T::MaxOffers::get() > 0, "a receivable must be assignable");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register trade document `id` (a keyed hash of its kind and number) of `kind`, owed to
		/// `creditor` by the debtor whose identity hashes to `debtor`, for `face_value` of
		/// `currency`, due at `due`.
		///
		/// The dispatch origin must be signed by a verified account with an active
		/// `DataProvider` (customs, tax, logistics) or `Issuer` (the exporter's bank) licence;
		/// `creditor` must be verified.
		///
		/// Emits `DocumentRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_document())]
		#[allow(clippy::too_many_arguments)]
		pub fn register_document(
			origin: OriginFor<T>,
			id: DocumentId,
			kind: DocumentKind,
			creditor: T::AccountId,
			debtor: H256,
			currency: CurrencyId,
			face_value: Amount,
			due: Moment,
		) -> DispatchResult {
			let registrant = ensure_signed(origin)?;
			ensure!(
				T::Licences::is_licensed(&registrant, Role::DataProvider)
					|| T::Licences::is_licensed(&registrant, Role::Issuer),
				Error::<T>::NotLicensed
			);
			Self::ensure_verified(&registrant)?;
			Self::ensure_verified(&creditor)?;
			ensure!(!face_value.is_zero(), Error::<T>::ZeroAmount);
			ensure!(!Documents::<T>::contains_key(id), Error::<T>::AlreadyRegistered);
			Documents::<T>::insert(
				id,
				Document {
					kind,
					registrant: registrant.clone(),
					creditor: creditor.clone(),
					debtor,
					currency,
					face_value,
					due,
					registered_at: T::Time::now(),
					financed: 0,
					collected: 0,
					endorsements: Default::default(),
					in_review: None,
				},
			);
			Self::deposit_event(Event::DocumentRegistered {
				document: id,
				kind,
				registrant,
				creditor,
				currency,
				face_value,
				due,
			});
			Ok(())
		}

		/// Finance documents: for each line, `amount` against the document, at most what it has
		/// available. The documents must share a currency and a holder (the borrower), none may
		/// be in default or have a payment in review. An endorsement is written on each, and the
		/// principal (the lines' sum) is paid from the bank to the borrower.
		///
		/// The dispatch origin must be signed by a verified account with an active `Issuer`
		/// licence; the borrower must be verified. A denial by supervision fails the whole call;
		/// a hold leaves the financing registered.
		///
		/// Emits `Financed`. O(lines).
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::finance(u32::try_from(lines.len()).unwrap_or(u32::MAX))
				.saturating_add(T::Ledger::supervision_weight())
		)]
		pub fn finance(origin: OriginFor<T>, lines: Lines<T>) -> DispatchResult {
			let bank = ensure_signed(origin)?;
			ensure!(T::Licences::is_licensed(&bank, Role::Issuer), Error::<T>::NotLicensed);
			Self::ensure_verified(&bank)?;
			let now = T::Time::now();
			let mut documents: Vec<(DocumentId, Document<T::AccountId>, Amount)> = Vec::new();
			let mut terms: Option<(CurrencyId, T::AccountId)> = None;
			let mut principal: Amount = 0;
			for (id, amount) in lines.iter() {
				ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
				ensure!(
					documents.iter().all(|(seen, ..)| seen != id),
					Error::<T>::DuplicateDocument
				);
				let document = Documents::<T>::get(id).ok_or(Error::<T>::DocumentNotFound)?;
				ensure!(document.in_review.is_none(), Error::<T>::PaymentInReview);
				let holder = Self::document_holder(id, &document);
				match &terms {
					None => terms = Some((document.currency, holder)),
					Some((currency, borrower)) => {
						ensure!(*currency == document.currency, Error::<T>::CurrencyMismatch);
						ensure!(*borrower == holder, Error::<T>::HolderMismatch);
					},
				}
				ensure!(!Self::in_default(&document, now), Error::<T>::DocumentInDefault);
				ensure!(*amount <= Self::available(&document), Error::<T>::ExceedsFaceValue);
				ensure!(!document.endorsements.is_full(), Error::<T>::TooManyEndorsements);
				principal = principal.checked_add(*amount).ok_or(Error::<T>::Overflow)?;
				documents.push((*id, document, *amount));
			}
			let (currency, borrower) = terms.ok_or(Error::<T>::NoLines)?;
			ensure!(borrower != bank, Error::<T>::SelfFinancing);
			let purpose = Self::purpose(&bank, &borrower, Purpose::FinancialAccount)?;
			let financing = NextFinancingId::<T>::get();
			NextFinancingId::<T>::put(financing.checked_add(1).ok_or(Error::<T>::Overflow)?);
			for (id, mut document, amount) in documents {
				document
					.endorsements
					.try_push(Endorsement {
						financing,
						bank: bank.clone(),
						outstanding: amount,
						registered_at: now,
					})
					.map_err(|_| Error::<T>::TooManyEndorsements)?;
				document.financed =
					document.financed.checked_add(amount).ok_or(Error::<T>::Overflow)?;
				Documents::<T>::insert(id, document);
			}
			Financings::<T>::insert(
				financing,
				Financing {
					bank: bank.clone(),
					borrower: borrower.clone(),
					currency,
					principal,
					outstanding: principal,
					lines,
					registered_at: now,
					status: FinancingStatus::Open,
					in_review: None,
				},
			);
			FinancingsOf::<T>::insert(&bank, financing, ());
			let outcome = T::Ledger::transfer(&bank, &borrower, currency, principal, purpose)?;
			let reference = match outcome {
				LedgerOutcome::Executed(reference) | LedgerOutcome::Held(reference) => reference,
			};
			Self::deposit_event(Event::Financed {
				financing,
				bank,
				borrower,
				currency,
				principal,
				reference,
			});
			if let LedgerOutcome::Held(reference) = outcome {
				// Nothing is repaid or released until a supervisor decides; a return voids the
				// financing.
				InReview::<T>::insert(reference, Pending::Disbursement { financing });
				Financings::<T>::mutate(financing, |record| {
					if let Some(record) = record {
						record.in_review = Some(reference);
					}
				});
				Self::deposit_event(Event::DisbursementHeld { financing, reference });
			}
			Ok(())
		}

		/// Repay `amount` of a financing to its bank. Once it executes, the financing's
		/// endorsements are reduced in line order; at zero the financing is repaid and its
		/// endorsements leave the documents.
		///
		/// The dispatch origin must be signed by the borrower. Refused while a payment of one of
		/// the financing's documents is in review (it may repay the financing).
		///
		/// Emits `Repaid` (and `FinancingClosed` at zero), or `RepaymentHeld`. O(lines).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::repay().saturating_add(T::Ledger::supervision_weight()))]
		pub fn repay(
			origin: OriginFor<T>,
			financing: FinancingId,
			amount: Amount,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Self::open_financing(financing)?;
			ensure!(who == record.borrower, Error::<T>::NotBorrower);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(amount <= record.outstanding, Error::<T>::ExceedsOutstanding);
			// A debtor's payment in review may yet repay the financing: one payment at a time.
			let quiet = |document: &DocumentId| {
				Documents::<T>::get(document).is_none_or(|d| d.in_review.is_none())
			};
			ensure!(
				record.lines.iter().all(|(document, _)| quiet(document)),
				Error::<T>::PaymentInReview
			);
			let purpose = Self::purpose(&who, &record.bank, Purpose::FinancialAccount)?;
			match T::Ledger::transfer(&who, &record.bank, record.currency, amount, purpose)? {
				LedgerOutcome::Executed(reference) => {
					Self::apply_repayment(financing, record, amount, reference)
				},
				LedgerOutcome::Held(reference) => {
					InReview::<T>::insert(reference, Pending::Repayment { financing, amount });
					record.in_review = Some(reference);
					Financings::<T>::insert(financing, record);
					Self::deposit_event(Event::RepaymentHeld { financing, reference, amount });
				},
			}
			Ok(())
		}

		/// Close an open financing whose rest the bank settled off chain: its endorsements leave
		/// the documents, which may be financed again.
		///
		/// The dispatch origin must be signed by the financing's bank.
		///
		/// Emits `FinancingReleased`. O(lines).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::release())]
		pub fn release(origin: OriginFor<T>, financing: FinancingId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let record = Self::open_financing(financing)?;
			ensure!(who == record.bank, Error::<T>::NotBank);
			let waived = record.outstanding;
			Self::close(financing, record, FinancingStatus::Released);
			Self::deposit_event(Event::FinancingReleased { financing, waived });
			Ok(())
		}

		/// Pay `amount` of a document to its holder (the registered assignee, otherwise the
		/// creditor). Once it executes the document's collections grow, and if the holder is a
		/// bank with endorsements on it, the collection repays them, oldest first (the bank has
		/// the money: no other transfer).
		///
		/// The dispatch origin must be signed by a verified account (the debtor, or on its
		/// behalf). Refused while a repayment of a financing it would repay is in review.
		///
		/// Emits `DocumentPaid` (and `Repaid`, `FinancingClosed` for the holder's financings),
		/// or `DocumentPaymentHeld`. O(endorsements × lines).
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::pay_document()
				.saturating_add(T::Ledger::supervision_weight())
				.saturating_add(T::Observer::weight())
		)]
		pub fn pay_document(
			origin: OriginFor<T>,
			document: DocumentId,
			amount: Amount,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::ensure_verified(&payer)?;
			let mut record = Documents::<T>::get(document).ok_or(Error::<T>::DocumentNotFound)?;
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(
				amount <= record.face_value.saturating_sub(record.collected),
				Error::<T>::ExceedsOutstanding
			);
			let holder = Self::document_holder(&document, &record);
			ensure!(payer != holder, Error::<T>::SelfPayment);
			// The payment would repay the holder's own financings: none may have a repayment in
			// review meanwhile.
			ensure!(
				record.endorsements.iter().filter(|e| e.bank == holder).all(|e| {
					Financings::<T>::get(e.financing).is_none_or(|f| f.in_review.is_none())
				}),
				Error::<T>::PaymentInReview
			);
			let purpose = Self::purpose(&payer, &holder, Purpose::GoodsTrade)?;
			match T::Ledger::transfer(&payer, &holder, record.currency, amount, purpose)? {
				LedgerOutcome::Executed(reference) => {
					Self::apply_collection(document, record, payer, holder, amount, reference)
				},
				LedgerOutcome::Held(reference) => {
					InReview::<T>::insert(
						reference,
						Pending::DocumentPayment { document, payer, holder, amount },
					);
					record.in_review = Some(reference);
					Documents::<T>::insert(document, record);
					Self::deposit_event(Event::DocumentPaymentHeld { document, reference, amount });
				},
			}
			Ok(())
		}

		/// Offer a receivable to `assignee`: an unregistered assignment, which the assignee
		/// registers. Offers of earlier holders, void since, make room.
		///
		/// The dispatch origin must be signed by the receivable's holder (a document's: the
		/// registered assignee, otherwise the creditor; a lease's: the registered assignee,
		/// otherwise the lessor), verified; `assignee` must be verified.
		///
		/// Emits `AssignmentOffered`. O(offers).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::offer_assignment().saturating_add(lease_reads::<T>()))]
		pub fn offer_assignment(
			origin: OriginFor<T>,
			receivable: ReceivableId,
			assignee: T::AccountId,
		) -> DispatchResult {
			let assignor = ensure_signed(origin)?;
			let holder = Self::holder(&receivable).ok_or(Error::<T>::ReceivableNotFound)?;
			ensure!(assignor == holder, Error::<T>::NotHolder);
			ensure!(assignee != assignor, Error::<T>::SelfAssignment);
			Self::ensure_assignable(&receivable)?;
			Self::ensure_verified(&assignor)?;
			Self::ensure_verified(&assignee)?;
			Offers::<T>::try_mutate(receivable, |offers| -> DispatchResult {
				offers.retain(|offer| offer.assignor == assignor);
				ensure!(
					offers.iter().all(|offer| offer.assignee != assignee),
					Error::<T>::AlreadyOffered
				);
				offers
					.try_push(Offer {
						assignor: assignor.clone(),
						assignee: assignee.clone(),
						offered_at: T::Time::now(),
					})
					.map_err(|_| Error::<T>::TooManyOffers)?;
				Ok(())
			})?;
			Self::deposit_event(Event::AssignmentOffered { receivable, assignor, assignee });
			Ok(())
		}

		/// Register the assignment offered to the caller: it holds the receivable from now on,
		/// and the assignor's other offers are void. Refused if another assignment was registered
		/// first (the assignor no longer holds it), and for a lease that does not run or has a
		/// payment in review.
		///
		/// The dispatch origin must be signed by a verified assignee with an offer.
		///
		/// Emits `AssignmentRegistered`. O(offers).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_assignment().saturating_add(lease_reads::<T>()))]
		pub fn register_assignment(
			origin: OriginFor<T>,
			receivable: ReceivableId,
		) -> DispatchResult {
			let assignee = ensure_signed(origin)?;
			let offers = Offers::<T>::get(receivable);
			ensure!(
				offers.iter().any(|offer| offer.assignee == assignee),
				Error::<T>::OfferNotFound
			);
			let holder = Self::holder(&receivable).ok_or(Error::<T>::ReceivableNotFound)?;
			ensure!(
				offers
					.iter()
					.any(|offer| offer.assignee == assignee && offer.assignor == holder),
				Error::<T>::AssignorNoLongerHolder
			);
			Self::ensure_assignable(&receivable)?;
			Self::ensure_verified(&assignee)?;
			Self::do_assign(receivable, holder, assignee);
			Ok(())
		}

		/// Withdraw an offer not yet registered.
		///
		/// The dispatch origin must be signed by the offer's assignor.
		///
		/// Emits `OfferWithdrawn`. O(offers).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_offer())]
		pub fn withdraw_offer(
			origin: OriginFor<T>,
			receivable: ReceivableId,
			assignee: T::AccountId,
		) -> DispatchResult {
			let assignor = ensure_signed(origin)?;
			Offers::<T>::try_mutate_exists(receivable, |maybe| -> DispatchResult {
				let offers = maybe.as_mut().ok_or(Error::<T>::OfferNotFound)?;
				let before = offers.len();
				offers.retain(|offer| offer.assignor != assignor || offer.assignee != assignee);
				ensure!(offers.len() < before, Error::<T>::OfferNotFound);
				if offers.is_empty() {
					*maybe = None;
				}
				Ok(())
			})?;
			Self::deposit_event(Event::OfferWithdrawn { receivable, assignor, assignee });
			Ok(())
		}
	}

	impl<T: Config> LedgerObserver for Pallet<T> {
		/// A held repayment or document payment concluded: a release applies it, a return
		/// leaves everything as it was.
		fn concluded(reference: &Reference, executed: bool) {
			let Some(pending) = InReview::<T>::take(reference) else { return };
			match pending {
				Pending::Repayment { financing, amount } => {
					let Some(mut record) = Financings::<T>::get(financing) else { return };
					record.in_review = None;
					if executed {
						Self::apply_repayment(financing, record, amount, *reference);
					} else {
						Financings::<T>::insert(financing, record);
						Self::deposit_event(Event::RepaymentReturned {
							financing,
							reference: *reference,
						});
					}
				},
				Pending::Disbursement { financing } => {
					let Some(mut record) = Financings::<T>::get(financing) else { return };
					record.in_review = None;
					if executed {
						Financings::<T>::insert(financing, record);
						Self::deposit_event(Event::DisbursementReleased {
							financing,
							reference: *reference,
						});
					} else {
						Self::close(financing, record, FinancingStatus::Released);
						Self::deposit_event(Event::DisbursementReturned {
							financing,
							reference: *reference,
						});
					}
				},
				Pending::DocumentPayment { document, payer, holder, amount } => {
					let Some(mut record) = Documents::<T>::get(document) else { return };
					record.in_review = None;
					if executed {
						Self::apply_collection(document, record, payer, holder, amount, *reference);
					} else {
						Documents::<T>::insert(document, record);
						Self::deposit_event(Event::DocumentPaymentReturned {
							document,
							reference: *reference,
						});
					}
				},
			}
		}

		/// The benchmarked release of a held document payment that closes the most financings
		/// (the dearest conclusion), with the observer told, or what a repayment's release costs
		/// at most (`repay`), when dearer.
		fn weight() -> Weight {
			T::WeightInfo::concluded()
				.max(T::WeightInfo::repay())
				.saturating_add(T::Observer::weight())
		}
	}

	/// What the leasing pallet's view costs when the receivable is a lease, which the
	/// document-based benchmarks do not measure: its lessor, then the lease as a receivable.
	pub(crate) fn lease_reads<T: Config>() -> Weight {
		T::Leases::weight().saturating_mul(2)
	}

	impl<T: Config> ReceivableRegistry<T::AccountId> for Pallet<T> {
		/// A document: its holder, currency, what the debtor still owes, its due date and
		/// whether it is in default. A lease: the leasing pallet's view, with the holder
		/// replaced by the registered assignee.
		fn info(id: &ReceivableId) -> Option<ReceivableInfo<T::AccountId>> {
			match id {
				ReceivableId::Document(document) => {
					let record = Documents::<T>::get(document)?;
					Some(ReceivableInfo {
						holder: Self::document_holder(document, &record),
						currency: record.currency,
						outstanding: record.face_value.saturating_sub(record.collected),
						due: record.due,
						defaulted: Self::in_default(&record, T::Time::now()),
					})
				},
				ReceivableId::Lease(lease) => {
					let mut info = T::Leases::receivable(*lease)?;
					if let Some(assignment) = Assignments::<T>::get(id) {
						info.holder = assignment.assignee;
					}
					Some(info)
				},
			}
		}

		/// Registered at once, as `register_assignment` registers an offer; the old holder's
		/// offers are void.
		fn assign(id: &ReceivableId, from: &T::AccountId, to: &T::AccountId) -> DispatchResult {
			let holder = Self::holder(id).ok_or(Error::<T>::ReceivableNotFound)?;
			ensure!(*from == holder, Error::<T>::NotHolder);
			ensure!(from != to, Error::<T>::SelfAssignment);
			Self::ensure_assignable(id)?;
			Self::do_assign(*id, holder, to.clone());
			Ok(())
		}

		fn assign_weight() -> Weight {
			T::WeightInfo::register_assignment().saturating_add(lease_reads::<T>())
		}

		/// Bounded by `offer_assignment`'s benchmark, which reads the same document and
		/// assignment (and more), and for a lease by the leasing pallet's view of it.
		fn info_weight() -> Weight {
			T::WeightInfo::offer_assignment().saturating_add(T::Leases::weight())
		}
	}

	impl<T: Config> RentRouting<T::AccountId> for Pallet<T> {
		fn payee(lease: LeaseId, lessor: &T::AccountId) -> T::AccountId {
			Self::assignee(&ReceivableId::Lease(lease)).unwrap_or_else(|| lessor.clone())
		}

		fn collected(lease: LeaseId, payee: &T::AccountId, currency: CurrencyId, amount: Amount) {
			T::Observer::collected(&ReceivableId::Lease(lease), payee, currency, amount);
		}

		/// One assignment read, one lease read and the observer.
		fn weight() -> Weight {
			T::WeightInfo::route_rent().saturating_add(T::Observer::weight())
		}
	}

	impl<T: Config> Pallet<T> {
		fn ensure_verified(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Kyc::verified_profile(who).is_some(), Error::<T>::NotVerified);
			Ok(())
		}

		/// `international` when the parties are cross-border by their credentials, else
		/// `Domestic`. Both must be verified.
		fn purpose(
			from: &T::AccountId,
			to: &T::AccountId,
			international: Purpose,
		) -> Result<Purpose, DispatchError> {
			let from = T::Kyc::verified_profile(from).ok_or(Error::<T>::NotVerified)?;
			let to = T::Kyc::verified_profile(to).ok_or(Error::<T>::NotVerified)?;
			Ok(if is_cross_border(&from, &to) { international } else { Purpose::Domestic })
		}

		/// A financing that is still open and has no repayment in review.
		fn open_financing(id: FinancingId) -> Result<FinancingOf<T>, DispatchError> {
			let record = Financings::<T>::get(id).ok_or(Error::<T>::FinancingNotFound)?;
			ensure!(record.status == FinancingStatus::Open, Error::<T>::FinancingClosed);
			ensure!(record.in_review.is_none(), Error::<T>::PaymentInReview);
			Ok(record)
		}

		/// Who receives a document's payments: the registered assignee, otherwise the creditor.
		fn document_holder(id: &DocumentId, record: &Document<T::AccountId>) -> T::AccountId {
			Self::assignee(&ReceivableId::Document(*id)).unwrap_or_else(|| record.creditor.clone())
		}

		/// Who holds a receivable now, if it exists.
		fn holder(id: &ReceivableId) -> Option<T::AccountId> {
			if let Some(assignment) = Assignments::<T>::get(id) {
				let exists = match id {
					ReceivableId::Document(document) => Documents::<T>::contains_key(document),
					ReceivableId::Lease(lease) => T::Leases::lessor(*lease).is_some(),
				};
				return exists.then_some(assignment.assignee);
			}
			match id {
				ReceivableId::Document(document) => {
					Documents::<T>::get(document).map(|d| d.creditor)
				},
				ReceivableId::Lease(lease) => T::Leases::lessor(*lease),
			}
		}

		/// A lease's rent changes hands only while the lease runs and no payment of it is in
		/// review (the leasing pallet then describes it as a receivable). A document always may.
		fn ensure_assignable(id: &ReceivableId) -> DispatchResult {
			if let ReceivableId::Lease(lease) = id {
				ensure!(T::Leases::receivable(*lease).is_some(), Error::<T>::LeaseNotAssignable);
			}
			Ok(())
		}

		/// What a bank may still finance against a document.
		pub fn available(record: &Document<T::AccountId>) -> Amount {
			record
				.face_value
				.saturating_sub(record.collected)
				.saturating_sub(record.financed)
		}

		/// Whether a document is unpaid `DefaultGrace` after its due date at `now`.
		pub fn in_default(record: &Document<T::AccountId>, now: Moment) -> bool {
			record.collected < record.face_value
				&& now > record.due.saturating_add(T::DefaultGrace::get())
		}

		/// Register the assignment of `id` from its holder `assignor` to `assignee`. Offers to
		/// others of `assignor` stay, void (their registration is refused with
		/// `AssignorNoLongerHolder`); offers of earlier holders go.
		fn do_assign(id: ReceivableId, assignor: T::AccountId, assignee: T::AccountId) {
			Assignments::<T>::insert(
				id,
				Assignment {
					assignor: assignor.clone(),
					assignee: assignee.clone(),
					registered_at: T::Time::now(),
				},
			);
			Offers::<T>::mutate_exists(id, |maybe| {
				if let Some(offers) = maybe {
					offers.retain(|offer| offer.assignor == assignor && offer.assignee != assignee);
					if offers.is_empty() {
						*maybe = None;
					}
				}
			});
			Self::deposit_event(Event::AssignmentRegistered { receivable: id, assignor, assignee });
		}

		/// A repayment of `amount` of financing `id` executed: reduce its endorsements in line
		/// order (at most what is outstanding: a collection may have repaid part meanwhile),
		/// and close it at zero. Stores the financing.
		fn apply_repayment(
			id: FinancingId,
			record: FinancingOf<T>,
			amount: Amount,
			reference: Reference,
		) {
			let mut left = amount.min(record.outstanding);
			for (document, _) in record.lines.iter() {
				if left.is_zero() {
					break;
				}
				let Some(mut doc) = Documents::<T>::get(document) else { continue };
				if let Some(endorsement) = doc.endorsements.iter_mut().find(|e| e.financing == id) {
					let cut = left.min(endorsement.outstanding);
					endorsement.outstanding = endorsement.outstanding.saturating_sub(cut);
					doc.financed = doc.financed.saturating_sub(cut);
					left = left.saturating_sub(cut);
					Documents::<T>::insert(document, doc);
				}
			}
			let applied = amount.min(record.outstanding).saturating_sub(left);
			Self::reduce_outstanding(id, record, applied, reference);
		}

		/// `applied` of financing `id`'s endorsements is repaid already: reduce what it has
		/// outstanding, tell, and close it at zero. Stores the financing.
		fn reduce_outstanding(
			id: FinancingId,
			mut record: FinancingOf<T>,
			applied: Amount,
			reference: Reference,
		) {
			record.outstanding = record.outstanding.saturating_sub(applied);
			Self::deposit_event(Event::Repaid {
				financing: id,
				amount: applied,
				outstanding: record.outstanding,
				reference,
			});
			if record.outstanding.is_zero() && record.status == FinancingStatus::Open {
				Self::close(id, record, FinancingStatus::Repaid);
				Self::deposit_event(Event::FinancingClosed { financing: id });
			} else {
				Financings::<T>::insert(id, record);
			}
		}

		/// Close financing `id` with `status`: its endorsements leave its documents (what they
		/// had outstanding is no longer financed). Stores the financing.
		fn close(id: FinancingId, mut record: FinancingOf<T>, status: FinancingStatus) {
			for (document, _) in record.lines.iter() {
				Documents::<T>::mutate(document, |maybe| {
					if let Some(doc) = maybe {
						let waived: Amount = doc
							.endorsements
							.iter()
							.filter(|e| e.financing == id)
							.fold(0, |sum, e| sum.saturating_add(e.outstanding));
						doc.endorsements.retain(|e| e.financing != id);
						doc.financed = doc.financed.saturating_sub(waived);
					}
				});
			}
			record.outstanding = 0;
			record.status = status;
			Financings::<T>::insert(id, record);
		}

		/// A payment of `amount` of `document` from `payer` reached `holder`: the document's
		/// collections grow, the holder's own endorsements are repaid oldest first, and the
		/// observer is told. Stores the document.
		fn apply_collection(
			document: DocumentId,
			mut record: Document<T::AccountId>,
			payer: T::AccountId,
			holder: T::AccountId,
			amount: Amount,
			reference: Reference,
		) {
			record.collected = record.collected.saturating_add(amount).min(record.face_value);
			let mut left = amount;
			let mut repaid: Vec<(FinancingId, Amount)> = Vec::new();
			for endorsement in record.endorsements.iter_mut().filter(|e| e.bank == holder) {
				if left.is_zero() {
					break;
				}
				let cut = left.min(endorsement.outstanding);
				if cut.is_zero() {
					continue;
				}
				endorsement.outstanding = endorsement.outstanding.saturating_sub(cut);
				left = left.saturating_sub(cut);
				repaid.push((endorsement.financing, cut));
			}
			let cut_total = repaid.iter().fold(0u128, |sum, (_, cut)| sum.saturating_add(*cut));
			record.financed = record.financed.saturating_sub(cut_total);
			let (currency, collected) = (record.currency, record.collected);
			Documents::<T>::insert(document, record);
			Self::deposit_event(Event::DocumentPaid {
				document,
				payer,
				holder: holder.clone(),
				amount,
				collected,
				reference,
			});
			for (financing, cut) in repaid {
				if let Some(record) = Financings::<T>::get(financing) {
					Self::reduce_outstanding(financing, record, cut, reference);
				}
			}
			T::Observer::collected(&ReceivableId::Document(document), &holder, currency, amount);
		}

		/// Who receives a receivable's payments, if it is assigned (`ReceivablesApi::assignee`).
		pub fn assignee(id: &ReceivableId) -> Option<T::AccountId> {
			Assignments::<T>::get(id).map(|assignment| assignment.assignee)
		}

		/// A document with its financing and collection state now (`ReceivablesApi::document`).
		pub fn document_status(id: DocumentId) -> Option<DocumentStatus<T::AccountId>> {
			let record = Documents::<T>::get(id)?;
			Some(DocumentStatus {
				id,
				kind: record.kind,
				holder: Self::document_holder(&id, &record),
				available: Self::available(&record),
				registrant: record.registrant,
				creditor: record.creditor,
				debtor: record.debtor,
				currency: record.currency,
				face_value: record.face_value,
				due: record.due,
				registered_at: record.registered_at,
				financed: record.financed,
				collected: record.collected,
				endorsements: record.endorsements.into_inner(),
			})
		}

		/// A bank's financings, open first, newest first (`ReceivablesApi::financings_of`).
		pub fn financings_of(bank: &T::AccountId) -> Vec<(FinancingId, FinancingOf<T>)> {
			let mut financings: Vec<(FinancingId, FinancingOf<T>)> =
				FinancingsOf::<T>::iter_key_prefix(bank)
					.filter_map(|id| Financings::<T>::get(id).map(|record| (id, record)))
					.collect();
			financings.sort_by(|(a, x), (b, y)| {
				let (x_open, y_open) =
					(x.status == FinancingStatus::Open, y.status == FinancingStatus::Open);
				y_open.cmp(&x_open).then(b.cmp(a))
			});
			financings
		}

		/// The pallet's invariants:
		/// - every document: `financed` is the sum of its endorsements' outstanding amounts and
		///   at most the face value, `collected` at most the face value, its endorsements in
		///   registration order, each naming an open financing of that bank with a line on it;
		/// - every open financing: `outstanding` is the sum of its endorsements' outstanding
		///   amounts, each of its lines has its endorsement; a repaid or released one has none,
		///   and nothing outstanding;
		/// - a payment in review is in `InReview` and the other way round;
		/// - the bank index lists exactly each financing under its bank;
		/// - no receivable has more offers than `MaxOffers` (bounded by type) or an empty list.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeSet;
			for (id, document) in Documents::<T>::iter() {
				let sum = document
					.endorsements
					.iter()
					.try_fold(0u128, |sum, e| sum.checked_add(e.outstanding))
					.ok_or("a document's endorsements overflow")?;
				ensure!(
					document.financed == sum,
					"a document's financed differs from its endorsements"
				);
				ensure!(
					document.financed <= document.face_value,
					"a document is financed above its face value"
				);
				ensure!(
					document.collected <= document.face_value,
					"a document collected above its face value"
				);
				ensure!(
					document.endorsements.windows(2).all(|pair| match pair {
						[a, b] => a.registered_at <= b.registered_at,
						_ => true,
					}),
					"a document's endorsements are out of registration order"
				);
				for endorsement in document.endorsements.iter() {
					let financing = Financings::<T>::get(endorsement.financing)
						.ok_or("an endorsement names no financing")?;
					ensure!(
						financing.status == FinancingStatus::Open,
						"an endorsement names a closed financing"
					);
					ensure!(
						financing.bank == endorsement.bank,
						"an endorsement names another bank"
					);
					ensure!(
						financing.lines.iter().any(|(d, _)| *d == id),
						"an endorsement's financing has no line on its document"
					);
				}
				if let Some(reference) = document.in_review {
					ensure!(
						matches!(InReview::<T>::get(reference), Some(Pending::DocumentPayment { document: d, .. }) if d == id),
						"a document payment in review is not recorded"
					);
				}
			}
			let mut index = BTreeSet::new();
			for (id, financing) in Financings::<T>::iter() {
				index.insert((financing.bank.clone(), id));
				let mut sum: Amount = 0;
				for (document, _) in financing.lines.iter() {
					let endorsements: Vec<Endorsement<T::AccountId>> =
						Documents::<T>::get(document)
							.map(|d| d.endorsements.into_inner())
							.unwrap_or_default()
							.into_iter()
							.filter(|e| e.financing == id)
							.collect();
					if financing.status == FinancingStatus::Open {
						ensure!(
							endorsements.len() == 1,
							"an open financing's line has no endorsement"
						);
					} else {
						ensure!(endorsements.is_empty(), "a closed financing keeps an endorsement");
					}
					sum = endorsements
						.iter()
						.try_fold(sum, |sum, e| sum.checked_add(e.outstanding))
						.ok_or("a financing's endorsements overflow")?;
				}
				ensure!(
					financing.outstanding == sum,
					"a financing's outstanding differs from its endorsements"
				);
				if let Some(reference) = financing.in_review {
					ensure!(
						matches!(
							InReview::<T>::get(reference),
							Some(Pending::Repayment { financing: f, .. } | Pending::Disbursement { financing: f })
								if f == id
						),
						"a repayment or disbursement in review is not recorded"
					);
				}
			}
			for (reference, pending) in InReview::<T>::iter() {
				let waiting = match pending {
					Pending::Repayment { financing, .. } | Pending::Disbursement { financing } => {
						Financings::<T>::get(financing)
							.is_some_and(|f| f.in_review == Some(reference))
					},
					Pending::DocumentPayment { document, .. } => Documents::<T>::get(document)
						.is_some_and(|d| d.in_review == Some(reference)),
				};
				ensure!(waiting, "a payment in review names nothing waiting for it");
			}
			ensure!(
				FinancingsOf::<T>::iter_keys().collect::<BTreeSet<_>>() == index,
				"the bank index differs from the financings"
			);
			ensure!(
				Offers::<T>::iter_values().all(|offers| !offers.is_empty()),
				"a receivable keeps an empty offer list"
			);
			Ok(())
		}
	}
}
