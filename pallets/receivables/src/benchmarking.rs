//! Benchmarks of every call and of a held payment's conclusion, each over its worst case: every
//! document a call reads carries the most endorsements a document may (so it is read and written
//! at its largest), a financing has the most lines, a repayment, release or collection closes
//! financings (so every document of each loses its endorsement), and an assignment call meets
//! the most offers a receivable may have.
//!
//! The ledger's supervision decides whether a payment executes or is held; benchmarks run with a
//! supervision that never holds, so the calls take their executed path (what supervision adds is
//! `ForexLedger::supervision_weight`, charged on top). A held payment's conclusion is benchmarked
//! from a held payment set up in storage.
//!
//! Every benchmark asserts the state it expects afterwards, so that a setup that sends the call
//! down another path fails loudly instead of measuring the wrong thing.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use fxchain_primitives::{
	forex::{Amount, CurrencyId, LedgerObserver, Reference},
	kyc::Role,
	receivables::{ReceivableRegistry, RentRouting, MAX_ENDORSEMENTS},
	Moment,
};
use sp_core::H256;

const SEED: u32 = 0;

/// The time the benchmarks start at: 2026-06-15T04:00:00Z. Set before any credential is given,
/// since a credential's expiry counts from the chain's time.
const NOW: Moment = 1_781_496_000_000;

/// The documents' due date: 90 days later (not in default).
const DUE: Moment = NOW + 90 * 86_400_000;

/// What each line of a benchmark financing takes from its document.
const LINE: Amount = 1_000_000;

/// A face value with room for the most endorsements of `LINE` each.
fn face() -> Amount {
	LINE.saturating_mul(Amount::from(MAX_ENDORSEMENTS))
}

/// The most endorsements, as a length.
fn max_endorsements() -> usize {
	usize::try_from(MAX_ENDORSEMENTS).unwrap_or(usize::MAX)
}

/// The most offers, as a length.
fn max_offers<T: Config>() -> usize {
	usize::try_from(T::MaxOffers::get()).unwrap_or(usize::MAX)
}

/// What every funded party holds: enough for every financing a benchmark makes.
const FUNDS: Amount = 1_000_000_000_000;

/// The key of the benchmarks' document `index`.
fn document_key(index: u32) -> DocumentId {
	let mut key = [0u8; 32];
	if let Some(tail) = key.get_mut(28..) {
		tail.copy_from_slice(&index.saturating_add(1).to_be_bytes());
	}
	H256(key)
}

/// A verified account, licensed for `role` if any, funded; returns it and the currency.
fn enrol<T: Config>(who: &T::AccountId, role: Option<Role>) -> CurrencyId {
	T::BenchmarkHelper::verify(who);
	if let Some(role) = role {
		T::BenchmarkHelper::license(who, role);
	}
	T::BenchmarkHelper::fund(who, FUNDS)
}

/// The benchmarks' registrant, a licensed data provider.
fn registrant<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("customs", 0, SEED);
	enrol::<T>(&who, Some(Role::DataProvider));
	who
}

/// `registrant` registers document `index` for `creditor` at `face()` in `currency`.
fn register<T: Config>(
	registrant: &T::AccountId,
	creditor: &T::AccountId,
	index: u32,
	currency: CurrencyId,
) {
	Pallet::<T>::register_document(
		RawOrigin::Signed(registrant.clone()).into(),
		document_key(index),
		DocumentKind::CustomsDeclaration,
		creditor.clone(),
		H256::repeat_byte(0x1e),
		currency,
		face(),
		DUE,
	)
	.expect("the registrant is licensed and the key is free");
}

/// `bank` finances `LINE` against each of `documents`; returns the financing's number.
fn finance_documents<T: Config>(bank: &T::AccountId, documents: &[u32]) -> FinancingId {
	let lines: Vec<(DocumentId, Amount)> =
		documents.iter().map(|index| (document_key(*index), LINE)).collect();
	let lines: Lines<T> = lines.try_into().expect("at most the most lines");
	let id = NextFinancingId::<T>::get();
	Pallet::<T>::finance(RawOrigin::Signed(bank.clone()).into(), lines)
		.expect("the bank is licensed and the documents have room");
	id
}

fn max_lines<T: Config>() -> u32 {
	T::MaxDocumentsPerFinancing::get()
}

fn document<T: Config>(index: u32) -> Document<T::AccountId> {
	Documents::<T>::get(document_key(index)).expect("the document is registered")
}

fn financing<T: Config>(id: FinancingId) -> FinancingOf<T> {
	Financings::<T>::get(id).expect("the financing exists")
}

/// Documents `0..count`, registered for `creditor`, each carrying `MAX_ENDORSEMENTS - 1`
/// endorsements of another bank (financings of every document at once).
fn crowded_documents<T: Config>(creditor: &T::AccountId, count: u32) -> CurrencyId {
	let registrant = registrant::<T>();
	let other: T::AccountId = account("other bank", 0, SEED);
	let currency = enrol::<T>(&other, Some(Role::Issuer));
	let indices: Vec<u32> = (0..count).collect();
	for index in &indices {
		register::<T>(&registrant, creditor, *index, currency);
	}
	for _ in 1..MAX_ENDORSEMENTS {
		finance_documents::<T>(&other, &indices);
	}
	currency
}

/// A financing by `bank` of the most lines, `creditor` borrowing, on documents that each
/// carry the most endorsements once it is written.
fn max_financing<T: Config>(bank: &T::AccountId, creditor: &T::AccountId) -> FinancingId {
	crowded_documents::<T>(creditor, max_lines::<T>());
	let indices: Vec<u32> = (0..max_lines::<T>()).collect();
	finance_documents::<T>(bank, &indices)
}

/// Document 0 with `MAX_ENDORSEMENTS` endorsements of `bank`, each of a different financing of
/// the most lines (documents of its own, then document 0), all borrowed by `creditor`, who
/// repaid all but document 0's line (the endorsements stay, at zero, until the financing
/// closes); then the document is assigned to `bank`, so that paying it in full closes every one
/// of them.
fn document_financed_by_its_holder<T: Config>(
	bank: &T::AccountId,
	creditor: &T::AccountId,
) -> (CurrencyId, Vec<FinancingId>) {
	let registrant = registrant::<T>();
	let currency = enrol::<T>(bank, Some(Role::Issuer));
	register::<T>(&registrant, creditor, 0, currency);
	let others = max_lines::<T>().saturating_sub(1);
	let mut financings = Vec::new();
	let mut next: u32 = 1;
	for _ in 0..MAX_ENDORSEMENTS {
		let mut indices = Vec::new();
		for _ in 0..others {
			register::<T>(&registrant, creditor, next, currency);
			indices.push(next);
			next = next.saturating_add(1);
		}
		// Document 0 last: the borrower repays the other lines, which go first.
		indices.push(0);
		let id = finance_documents::<T>(bank, &indices);
		Pallet::<T>::repay(
			RawOrigin::Signed(creditor.clone()).into(),
			id,
			LINE.saturating_mul(Amount::from(others)),
		)
		.expect("the borrower repays the other lines");
		financings.push(id);
	}
	<Pallet<T> as ReceivableRegistry<T::AccountId>>::assign(
		&ReceivableId::Document(document_key(0)),
		creditor,
		bank,
	)
	.expect("the creditor holds the document");
	(currency, financings)
}

/// `count` offers of document 0 from its holder `holder` to fresh verified assignees; returns
/// them.
fn offers<T: Config>(holder: &T::AccountId, count: u32) -> Vec<T::AccountId> {
	(0..count)
		.map(|i| {
			let assignee: T::AccountId = account("assignee", i, SEED);
			enrol::<T>(&assignee, None);
			Pallet::<T>::offer_assignment(
				RawOrigin::Signed(holder.clone()).into(),
				ReceivableId::Document(document_key(0)),
				assignee.clone(),
			)
			.expect("the holder offers its document");
			assignee
		})
		.collect()
}

/// Document 0, registered for a creditor that assigned it to `holder` (so the holder is read
/// from a registered assignment), with the endorsements the most a document may carry.
fn assigned_document<T: Config>(holder: &T::AccountId) {
	let creditor: T::AccountId = account("exporter", 0, SEED);
	enrol::<T>(&creditor, None);
	enrol::<T>(holder, None);
	crowded_documents::<T>(&creditor, 1);
	<Pallet<T> as ReceivableRegistry<T::AccountId>>::assign(
		&ReceivableId::Document(document_key(0)),
		&creditor,
		holder,
	)
	.expect("the creditor holds the document");
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The registrant holds an `Issuer` licence only, so both licences are looked up.
	#[benchmark]
	fn register_document() {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = whitelisted_caller();
		let currency = enrol::<T>(&bank, Some(Role::Issuer));
		let creditor: T::AccountId = account("exporter", 0, SEED);
		enrol::<T>(&creditor, None);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(bank.clone()),
			document_key(0),
			DocumentKind::Invoice,
			creditor.clone(),
			H256::repeat_byte(0x1e),
			currency,
			face(),
			DUE,
		);

		let registered = document::<T>(0);
		assert_eq!((registered.registrant, registered.creditor), (bank, creditor));
	}

	/// `n` lines, on documents that each carry one endorsement fewer than the most.
	#[benchmark]
	fn finance(n: Linear<1, { T::MaxDocumentsPerFinancing::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = whitelisted_caller();
		enrol::<T>(&bank, Some(Role::Issuer));
		let creditor: T::AccountId = account("exporter", 0, SEED);
		enrol::<T>(&creditor, None);
		crowded_documents::<T>(&creditor, n);
		let lines: Vec<(DocumentId, Amount)> = (0..n).map(|i| (document_key(i), LINE)).collect();
		let lines: Lines<T> = lines.try_into().expect("at most the most lines");
		let id = NextFinancingId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(bank.clone()), lines);

		let record = financing::<T>(id);
		assert_eq!((record.bank, record.borrower), (bank, creditor));
		assert_eq!(record.outstanding, LINE.saturating_mul(Amount::from(n)));
		assert!(document::<T>(0).endorsements.is_full());
	}

	/// The borrower repays a financing of the most lines in full: every line's endorsement is
	/// reduced, then removed as the financing closes.
	#[benchmark]
	fn repay() {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = account("bank", 0, SEED);
		enrol::<T>(&bank, Some(Role::Issuer));
		let borrower: T::AccountId = whitelisted_caller();
		enrol::<T>(&borrower, None);
		let id = max_financing::<T>(&bank, &borrower);
		let amount = financing::<T>(id).outstanding;

		#[extrinsic_call]
		_(RawOrigin::Signed(borrower), id, amount);

		assert_eq!(financing::<T>(id).status, FinancingStatus::Repaid);
		assert_eq!(document::<T>(0).endorsements.len(), max_endorsements().saturating_sub(1));
	}

	/// The bank releases a financing of the most lines: every line's endorsement is removed.
	#[benchmark]
	fn release() {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = whitelisted_caller();
		enrol::<T>(&bank, Some(Role::Issuer));
		let borrower: T::AccountId = account("exporter", 0, SEED);
		enrol::<T>(&borrower, None);
		let id = max_financing::<T>(&bank, &borrower);

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), id);

		assert_eq!(financing::<T>(id).status, FinancingStatus::Released);
		assert_eq!(document::<T>(0).endorsements.len(), max_endorsements().saturating_sub(1));
	}

	/// The debtor pays in full a document held by a bank that holds all its endorsements, each
	/// of a financing of the most lines: every one of them is repaid and closes, removing its
	/// endorsements from all its documents.
	#[benchmark]
	fn pay_document() {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = account("bank", 0, SEED);
		let creditor: T::AccountId = account("exporter", 0, SEED);
		enrol::<T>(&creditor, None);
		let (_, financings) = document_financed_by_its_holder::<T>(&bank, &creditor);
		let payer: T::AccountId = whitelisted_caller();
		enrol::<T>(&payer, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), document_key(0), face());

		let paid = document::<T>(0);
		assert_eq!((paid.collected, paid.financed), (face(), 0));
		for id in financings {
			assert_eq!(financing::<T>(id).status, FinancingStatus::Repaid);
		}
	}

	/// The holder (read from a registered assignment) offers a document with one offer fewer
	/// than the most.
	#[benchmark]
	fn offer_assignment() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		assigned_document::<T>(&holder);
		offers::<T>(&holder, T::MaxOffers::get().saturating_sub(1));
		let assignee: T::AccountId = account("buyer", 0, SEED);
		enrol::<T>(&assignee, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), ReceivableId::Document(document_key(0)), assignee.clone());

		let listed = Offers::<T>::get(ReceivableId::Document(document_key(0)));
		assert_eq!(listed.len(), max_offers::<T>());
		assert!(listed.iter().any(|offer| offer.assignee == assignee));
	}

	/// The last of the most offers is registered.
	#[benchmark]
	fn register_assignment() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = account("holder", 0, SEED);
		assigned_document::<T>(&holder);
		offers::<T>(&holder, T::MaxOffers::get().saturating_sub(1));
		let assignee: T::AccountId = whitelisted_caller();
		enrol::<T>(&assignee, None);
		Pallet::<T>::offer_assignment(
			RawOrigin::Signed(holder).into(),
			ReceivableId::Document(document_key(0)),
			assignee.clone(),
		)
		.expect("the holder offers its document");

		#[extrinsic_call]
		_(RawOrigin::Signed(assignee.clone()), ReceivableId::Document(document_key(0)));

		assert_eq!(Pallet::<T>::assignee(&ReceivableId::Document(document_key(0))), Some(assignee));
	}

	/// The last of the most offers is withdrawn.
	#[benchmark]
	fn withdraw_offer() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		assigned_document::<T>(&holder);
		let assignees = offers::<T>(&holder, T::MaxOffers::get());
		let last = assignees.last().cloned().expect("at least one offer");

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), ReceivableId::Document(document_key(0)), last);

		assert_eq!(
			Offers::<T>::get(ReceivableId::Document(document_key(0))).len(),
			max_offers::<T>().saturating_sub(1)
		);
	}

	/// A held payment concluded. Benchmarks run with a supervision that never holds, so the held
	/// payment is set up in storage as `pay_document` leaves it: the dearest there is, a payment
	/// in full of a document held by the bank that holds all its endorsements, each of a
	/// financing of the most lines, which the release closes (as `pay_document`). A repayment's
	/// release costs what `repay` costs at most; a return writes one record.
	#[benchmark]
	fn concluded() {
		T::BenchmarkHelper::set_time(NOW);
		let bank: T::AccountId = account("bank", 0, SEED);
		let creditor: T::AccountId = account("exporter", 0, SEED);
		enrol::<T>(&creditor, None);
		let (_, financings) = document_financed_by_its_holder::<T>(&bank, &creditor);
		let payer: T::AccountId = account("importer", 0, SEED);
		enrol::<T>(&payer, None);
		let reference: Reference = H256::repeat_byte(0x7e);
		Documents::<T>::mutate(document_key(0), |record| {
			if let Some(record) = record {
				record.in_review = Some(reference);
			}
		});
		InReview::<T>::insert(
			reference,
			Pending::DocumentPayment {
				document: document_key(0),
				payer,
				holder: bank,
				amount: face(),
			},
		);

		#[block]
		{
			<Pallet<T> as LedgerObserver>::concluded(&reference, true);
		}

		assert!(!InReview::<T>::contains_key(reference));
		let paid = document::<T>(0);
		assert_eq!((paid.collected, paid.financed, paid.in_review), (face(), 0, None));
		for id in financings {
			assert_eq!(financing::<T>(id).status, FinancingStatus::Repaid);
		}
	}

	/// The leasing pallet asks for the payee of an assigned lease's rent and reports the rent
	/// that reached it: one assignment read, and the observer (measured here as configured,
	/// for a payee that is not a pool; the observer's own weight is charged on top).
	#[benchmark]
	fn route_rent() {
		T::BenchmarkHelper::set_time(NOW);
		let lessor: T::AccountId = account("lessor", 0, SEED);
		let assignee: T::AccountId = account("buyer", 0, SEED);
		let currency = enrol::<T>(&assignee, None);
		Assignments::<T>::insert(
			ReceivableId::Lease(0),
			Assignment { assignor: lessor.clone(), assignee: assignee.clone(), registered_at: NOW },
		);
		let payee;

		#[block]
		{
			payee = <Pallet<T> as RentRouting<T::AccountId>>::payee(0, &lessor);
			<Pallet<T> as RentRouting<T::AccountId>>::collected(0, &payee, currency, face());
		}

		assert_eq!(payee, assignee);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
