//! Benchmarks of every call and of the pruning, each over its worst case: every item carries a
//! locator of the longest length (written, and read back where the call reads the item), every
//! consent covers all seven categories, listed in reverse order (the grant sorts them, a query
//! scans them to the last), with a limit on its queries; every log entry read is of the largest
//! kind (a statutory access by a named accessor, with its result recorded where it may be).
//!
//! Every benchmark asserts the state it expects afterwards, so that a setup that sends the call
//! down another path fails loudly instead of measuring the wrong thing.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use fxchain_primitives::{
	data_sharing::MAX_LOCATOR_LEN, kyc::Role, supervision::DAY, time_key, Moment,
};
use sp_core::H256;

const SEED: u32 = 0;

/// The time the benchmarks start at: 2026-06-15T04:00:00Z. Set before any credential or licence
/// is given, since their validity counts from the chain's time.
const NOW: Moment = 1_781_496_000_000;

/// A locator of the longest length, every byte `byte`.
fn locator(byte: u8) -> Locator {
	vec![byte; usize::try_from(MAX_LOCATOR_LEN).unwrap()]
		.try_into()
		.expect("exactly the longest locator")
}

/// Every category, in reverse order: the grant has to sort them, and a query of
/// `Category::Basic` finds it last.
fn every_category() -> Categories {
	let mut list = Category::ALL.to_vec();
	list.reverse();
	list.try_into().expect("a consent may cover every category")
}

/// A hash distinct for every `index` (no `from_low_u64_be` in no_std).
fn hash(index: u32) -> H256 {
	let mut bytes = [0u8; 32];
	if let Some(tail) = bytes.get_mut(28..) {
		tail.copy_from_slice(&index.saturating_add(1).to_be_bytes());
	}
	H256(bytes)
}

/// A verified subject.
fn subject<T: Config>(who: T::AccountId) -> T::AccountId {
	T::BenchmarkHelper::verify(&who);
	who
}

/// An account holding an active licence for `role`.
fn licensed<T: Config>(who: T::AccountId, role: Role) -> T::AccountId {
	T::BenchmarkHelper::license(&who, role);
	who
}

/// `provider` registers an item about `subject`, with the longest locator.
fn register<T: Config>(provider: &T::AccountId, subject: &T::AccountId) -> ItemId {
	let item = NextItemId::<T>::get();
	Pallet::<T>::register_item(
		RawOrigin::Signed(provider.clone()).into(),
		subject.clone(),
		Category::TransactionCredit,
		H256::repeat_byte(0xc1),
		locator(0x11),
	)
	.expect("the provider is licensed and the subject verified");
	item
}

/// `subject` lets `grantee` read every category (listed in reverse) for credit approval until
/// `expires_at`, a limited number of times.
fn grant_consent<T: Config>(
	subject: &T::AccountId,
	grantee: &T::AccountId,
	expires_at: Moment,
) -> ConsentId {
	let consent = NextConsentId::<T>::get();
	Pallet::<T>::grant(
		RawOrigin::Signed(subject.clone()).into(),
		grantee.clone(),
		every_category(),
		DataPurpose::CreditApproval,
		LegalBasis::Contract,
		expires_at,
		Some(u32::MAX),
		H256::repeat_byte(0xe1),
	)
	.expect("the subject is verified, the grantee licensed, the expiry allowed");
	consent
}

/// Append to the log, as the pallet does, an entry of the largest kind: a statutory access by a
/// named supervisor at `at`, served by `holder`, with `result` recorded.
fn log_entry<T: Config>(
	subject: &T::AccountId,
	at: Moment,
	holder: &T::AccountId,
	result: Option<H256>,
) -> EntryId {
	let entry = NextEntryId::<T>::get();
	NextEntryId::<T>::put(entry.saturating_add(1));
	LogOf::<T>::insert(subject, ordered(entry), ());
	Log::<T>::insert(
		entry,
		AuditEntry {
			subject: subject.clone(),
			accessor: Some(account("supervisor", 0, SEED)),
			at,
			category: Category::RegulatoryCredit,
			access: Access::Statutory {
				basis: StatutoryBasis::AntiMoneyLaundering,
				case: H256::repeat_byte(0xca),
			},
			holder: holder.clone(),
			result,
		},
	);
	entry
}

/// Fill the first `count` places of `SealedCases` with seals until `until` of cases no benchmark
/// queries: logging an access scans them all and finds none of them.
fn seal_others<T: Config>(count: u32, until: Moment) {
	let seals: Vec<Seal> = (0..count).map(|index| Seal { case: hash(index), until }).collect();
	SealedCases::<T>::put(BoundedVec::try_from(seals).expect("at most the most sealed cases"));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A licensed provider registers an item about a verified subject, with the longest locator.
	#[benchmark]
	fn register_item() {
		T::BenchmarkHelper::set_time(NOW);
		let provider = licensed::<T>(whitelisted_caller(), Role::DataProvider);
		let subject = subject::<T>(account("subject", 0, SEED));
		let item = NextItemId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(provider.clone()),
			subject.clone(),
			Category::TransactionCredit,
			H256::repeat_byte(0xc1),
			locator(0x11),
		);

		let registered = Items::<T>::get(item).expect("the item is registered");
		assert_eq!((registered.provider, registered.version), (provider, 1));
		assert_eq!(registered.locator, locator(0x11));
		assert!(ItemsOf::<T>::contains_key(&subject, ordered(item)));
		assert_eq!(NextItemId::<T>::get(), item.saturating_add(1));
	}

	/// The provider replaces an item with the longest locator by another of the longest.
	#[benchmark]
	fn update_item() {
		T::BenchmarkHelper::set_time(NOW);
		let provider = licensed::<T>(whitelisted_caller(), Role::DataProvider);
		let subject = subject::<T>(account("subject", 0, SEED));
		let item = register::<T>(&provider, &subject);
		let later = NOW.saturating_add(DAY);
		T::BenchmarkHelper::set_time(later);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), item, H256::repeat_byte(0xc2), locator(0x22));

		let updated = Items::<T>::get(item).expect("the item stays registered");
		assert_eq!((updated.version, updated.updated_at), (2, later));
		assert_eq!(
			(updated.content_hash, updated.locator),
			(H256::repeat_byte(0xc2), locator(0x22))
		);
	}

	/// The provider removes an undisputed item with the longest locator (read in full).
	#[benchmark]
	fn remove_item() {
		T::BenchmarkHelper::set_time(NOW);
		let provider = licensed::<T>(whitelisted_caller(), Role::DataProvider);
		let subject = subject::<T>(account("subject", 0, SEED));
		let item = register::<T>(&provider, &subject);

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), item);

		assert!(!Items::<T>::contains_key(item));
		assert!(!ItemsOf::<T>::contains_key(&subject, ordered(item)));
	}

	/// A subject grants every category, listed in reverse (the sort has the most to do), with a
	/// limit on the queries, until the latest expiry allowed.
	#[benchmark]
	fn grant() {
		T::BenchmarkHelper::set_time(NOW);
		let subject = subject::<T>(whitelisted_caller());
		let grantee = licensed::<T>(account("bank", 0, SEED), Role::DataConsumer);
		let expires_at = NOW.saturating_add(Params::<T>::get().max_consent_duration);
		let consent = NextConsentId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(subject.clone()),
			grantee.clone(),
			every_category(),
			DataPurpose::CreditApproval,
			LegalBasis::Contract,
			expires_at,
			Some(u32::MAX),
			H256::repeat_byte(0xe1),
		);

		let granted = Consents::<T>::get(consent).expect("the consent is stored");
		assert_eq!(granted.categories, every_category());
		assert_eq!(granted.status(NOW), ConsentStatus::Live);
		assert!(ConsentsGiven::<T>::contains_key(&subject, ordered(consent)));
		assert!(ConsentsReceived::<T>::contains_key(&grantee, ordered(consent)));
		assert!(ConsentEnds::<T>::contains_key(time_key(expires_at, consent)));
	}

	/// The subject revokes a live consent of every category: its end key moves from the expiry
	/// to now.
	#[benchmark]
	fn revoke() {
		T::BenchmarkHelper::set_time(NOW);
		let subject = subject::<T>(whitelisted_caller());
		let grantee = licensed::<T>(account("bank", 0, SEED), Role::DataConsumer);
		let expires_at = NOW.saturating_add(Params::<T>::get().max_consent_duration);
		let consent = grant_consent::<T>(&subject, &grantee, expires_at);
		let now = NOW.saturating_add(DAY);
		T::BenchmarkHelper::set_time(now);

		#[extrinsic_call]
		_(RawOrigin::Signed(subject), consent);

		let revoked = Consents::<T>::get(consent).expect("the consent stays until pruned");
		assert_eq!((revoked.status(now), revoked.revoked_at), (ConsentStatus::Revoked, Some(now)));
		assert!(!ConsentEnds::<T>::contains_key(time_key(expires_at, consent)));
		assert!(ConsentEnds::<T>::contains_key(time_key(now, consent)));
	}

	/// The grantee queries, under a live consent of every category with a limit, the category
	/// the consent lists last, naming a licensed provider as the holder: the query is counted
	/// and logged. Every place of `SealedCases` holds a seal (logging reads them).
	#[benchmark]
	fn query() {
		T::BenchmarkHelper::set_time(NOW);
		let subject = subject::<T>(account("subject", 0, SEED));
		let grantee = licensed::<T>(whitelisted_caller(), Role::DataConsumer);
		let holder = licensed::<T>(account("provider", 0, SEED), Role::DataProvider);
		let expires_at = NOW.saturating_add(Params::<T>::get().max_consent_duration);
		let consent = grant_consent::<T>(&subject, &grantee, expires_at);
		assert_eq!(every_category().last(), Some(&Category::Basic));
		let now = NOW.saturating_add(DAY);
		T::BenchmarkHelper::set_time(now);
		let until = now.saturating_add(Params::<T>::get().max_confidentiality);
		seal_others::<T>(T::MaxSealedCases::get(), until);
		let entry = NextEntryId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(grantee.clone()),
			consent,
			Category::Basic,
			DataPurpose::CreditApproval,
			holder.clone(),
		);

		assert_eq!(Consents::<T>::get(consent).map(|c| c.queries), Some(1));
		let logged = Log::<T>::get(entry).expect("the query is logged");
		assert_eq!(
			(logged.subject.clone(), logged.accessor, logged.at),
			(subject, Some(grantee), now)
		);
		assert_eq!(
			logged.access,
			Access::Consent { consent, purpose: DataPurpose::CreditApproval }
		);
		assert_eq!((logged.holder.clone(), logged.result), (holder, None));
		assert!(LogOf::<T>::contains_key(&logged.subject, ordered(entry)));
	}

	/// The licensed holder an entry of the largest kind names records what it served.
	#[benchmark]
	fn record_result() {
		T::BenchmarkHelper::set_time(NOW);
		let holder = licensed::<T>(whitelisted_caller(), Role::DataProvider);
		let subject: T::AccountId = account("subject", 0, SEED);
		let entry = log_entry::<T>(&subject, NOW, &holder, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), entry, H256::repeat_byte(0x5e));

		let logged = Log::<T>::get(entry).expect("the entry stays logged");
		assert_eq!((logged.holder, logged.result), (holder, Some(H256::repeat_byte(0x5e))));
	}

	/// A supervisor queries a subject under a statute, naming a licensed provider as the holder:
	/// the access is logged. Every place of `SealedCases` holds a live seal of another case: the
	/// check scans them all, finds none, and the event names the subject and the case in full.
	#[benchmark]
	fn statutory_query() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::set_time(NOW);
		let origin: T::RuntimeOrigin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let subject: T::AccountId = account("subject", 0, SEED);
		let holder = licensed::<T>(account("provider", 0, SEED), Role::DataProvider);
		let entry = NextEntryId::<T>::get();
		let case = H256::repeat_byte(0xca);
		let until = NOW.saturating_add(Params::<T>::get().max_confidentiality);
		seal_others::<T>(T::MaxSealedCases::get(), until);
		assert!(SealedCases::<T>::get().iter().all(|seal| seal.case != case));

		#[extrinsic_call]
		_(
			origin,
			subject.clone(),
			Category::RegulatoryCredit,
			StatutoryBasis::AntiMoneyLaundering,
			case,
			holder.clone(),
		);

		let logged = Log::<T>::get(entry).expect("the access is logged");
		assert_eq!((logged.subject.clone(), logged.at), (subject, NOW));
		assert_eq!(
			logged.access,
			Access::Statutory { basis: StatutoryBasis::AntiMoneyLaundering, case }
		);
		assert_eq!((logged.holder.clone(), logged.result), (holder.clone(), None));
		assert!(LogOf::<T>::contains_key(&logged.subject, ordered(entry)));
		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::AccessLogged {
				entry,
				subject: logged.subject,
				accessor: logged.accessor,
				category: Category::RegulatoryCredit,
				access: logged.access,
				holder,
			}
			.into(),
		);
		Ok(())
	}

	/// A verified subject disputes an item with the longest locator (read in full).
	#[benchmark]
	fn dispute() {
		T::BenchmarkHelper::set_time(NOW);
		let provider = licensed::<T>(account("provider", 0, SEED), Role::DataProvider);
		let subject = subject::<T>(whitelisted_caller());
		let item = register::<T>(&provider, &subject);
		let due_at = NOW.saturating_add(Params::<T>::get().answer_period);

		#[extrinsic_call]
		_(RawOrigin::Signed(subject.clone()), item, H256::repeat_byte(0xd1));

		let opened = Disputes::<T>::get(item).expect("the dispute is open");
		assert_eq!((opened.subject, opened.provider, opened.due_at), (subject, provider, due_at));
		assert!(DisputesDue::<T>::contains_key(time_key(due_at, item)));
	}

	/// The provider answers, late, a dispute about an item it corrected since (the item, with
	/// the longest locator, is read in full).
	#[benchmark]
	fn answer_dispute() {
		T::BenchmarkHelper::set_time(NOW);
		let provider = licensed::<T>(whitelisted_caller(), Role::DataProvider);
		let subject = subject::<T>(account("subject", 0, SEED));
		let item = register::<T>(&provider, &subject);
		Pallet::<T>::dispute(RawOrigin::Signed(subject).into(), item, H256::repeat_byte(0xd1))
			.expect("the subject disputes its item");
		let due_at = Disputes::<T>::get(item).map(|d| d.due_at).expect("the dispute is open");
		Pallet::<T>::update_item(
			RawOrigin::Signed(provider.clone()).into(),
			item,
			H256::repeat_byte(0xc2),
			locator(0x22),
		)
		.expect("the provider corrects its item");
		T::BenchmarkHelper::set_time(due_at.saturating_add(DAY));

		#[extrinsic_call]
		_(RawOrigin::Signed(provider), item, H256::repeat_byte(0xa1));

		assert!(!Disputes::<T>::contains_key(item));
		assert!(!DisputesDue::<T>::contains_key(time_key(due_at, item)));
		frame_system::Pallet::<T>::assert_last_event(
			Event::<T>::DisputeAnswered {
				item,
				answer: H256::repeat_byte(0xa1),
				corrected: true,
				late: true,
			}
			.into(),
		);
	}

	/// Governance sets new parameters.
	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::set_time(NOW);
		let origin: T::RuntimeOrigin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let old = Params::<T>::get();
		let new = SharingParams {
			max_consent_duration: old.max_consent_duration.saturating_add(DAY),
			retention: old.retention.saturating_add(DAY),
			answer_period: old.answer_period.saturating_add(DAY),
			max_confidentiality: old.max_confidentiality.saturating_add(DAY),
		};

		#[extrinsic_call]
		_(origin, new);

		assert_eq!(Params::<T>::get(), new);
		Ok(())
	}

	/// Governance seals a case while every other place but one holds a live seal of another
	/// case: the retain scans them all and keeps them, and the new seal takes the last place.
	#[benchmark]
	fn seal_case() -> Result<(), BenchmarkError> {
		T::BenchmarkHelper::set_time(NOW);
		let origin: T::RuntimeOrigin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let max = T::MaxSealedCases::get();
		let until = NOW.saturating_add(Params::<T>::get().max_confidentiality);
		seal_others::<T>(max.saturating_sub(1), until);
		let case = hash(max);

		#[extrinsic_call]
		_(origin, case, Some(until));

		let sealed = SealedCases::<T>::get();
		assert_eq!(sealed.len(), usize::try_from(max).unwrap());
		assert_eq!(sealed.last(), Some(&Seal { case, until }));
		Ok(())
	}

	/// One block's pruning, `prune(MaxPrunePerBlock)` as `on_initialize` calls it, with `e` log
	/// entries and `c` ended consents past their retention. Each entry is of the largest kind
	/// (with its result recorded) and each consent covers every category. Behind them wait an
	/// entry and a consent whose retention is not over: when there is room for more than `e`
	/// (`c`), the pruning reads that entry (consent's end key) and stops there, so `e = c = 0` is
	/// the cost of every quiet block.
	#[benchmark]
	fn prune(
		e: Linear<0, { T::MaxPrunePerBlock::get() }>,
		c: Linear<0, { T::MaxPrunePerBlock::get() }>,
	) {
		T::BenchmarkHelper::set_time(NOW);
		let subject = subject::<T>(account("subject", 0, SEED));
		let grantee = licensed::<T>(account("bank", 0, SEED), Role::DataConsumer);
		let holder: T::AccountId = account("provider", 0, SEED);
		let retention = Params::<T>::get().retention;
		// What ended by `end` has outlived its retention at `now`; what ended a moment later
		// has not.
		let end = NOW.saturating_add(DAY);
		let later = end.saturating_add(1);
		let now = end.saturating_add(retention);

		let first_entry = NextEntryId::<T>::get();
		for _ in 0..e {
			log_entry::<T>(&subject, end, &holder, Some(H256::repeat_byte(0x5e)));
		}
		let kept_entry = log_entry::<T>(&subject, later, &holder, Some(H256::repeat_byte(0x5e)));
		let first_consent = NextConsentId::<T>::get();
		for _ in 0..c {
			grant_consent::<T>(&subject, &grantee, end);
		}
		let kept_consent = grant_consent::<T>(&subject, &grantee, later);
		T::BenchmarkHelper::set_time(now);
		let pruned;

		#[block]
		{
			pruned = Pallet::<T>::prune(T::MaxPrunePerBlock::get());
		}

		assert_eq!(pruned, (e, c));
		assert_eq!(OldestEntryId::<T>::get(), kept_entry);
		for entry in first_entry..kept_entry {
			assert!(!Log::<T>::contains_key(entry));
			assert!(!LogOf::<T>::contains_key(&subject, ordered(entry)));
		}
		assert!(Log::<T>::contains_key(kept_entry));
		for consent in first_consent..kept_consent {
			assert!(!Consents::<T>::contains_key(consent));
			assert!(!ConsentsGiven::<T>::contains_key(&subject, ordered(consent)));
			assert!(!ConsentsReceived::<T>::contains_key(&grantee, ordered(consent)));
			assert!(!ConsentEnds::<T>::contains_key(time_key(end, consent)));
		}
		assert!(Consents::<T>::contains_key(kept_consent));
		assert!(ConsentEnds::<T>::contains_key(time_key(later, kept_consent)));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
