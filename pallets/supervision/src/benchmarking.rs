//! Benchmarks of every call, of the check the forex pallet runs on every movement, and of the
//! hooks, each over its worst case: a call that replaces or removes a value finds one (so the old
//! value is read and decoded), every record is the largest it can be, and the check runs every
//! rule, reads every storage item it can and files the most reports one movement files.
//!
//! Every benchmark asserts the state it expects afterwards, so that a setup that sends the call
//! down another path fails loudly instead of measuring the wrong thing.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, Hooks, Time},
	weights::Weight,
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use fxchain_primitives::{
	forex::{
		Amount, CapitalFlowCheck, CurrencyId, Decision, Documents, Movement, MovementKind, Purpose,
		Reason, Reference,
	},
	kyc::{CountryCode, EntityType, KycLevel, KycProfile, PersonId, Residency},
	supervision::{DAY, USD},
	Moment,
};
use sp_core::H256;
use sp_runtime::{
	traits::{One, Saturating},
	FixedU128,
};

const SEED: u32 = 0;

/// The time the benchmarks run at: 2026-06-15T04:00:00Z (noon in UTC+8). Set before any
/// credential is attested, since a credential's expiry counts from the chain's time.
const NOW: Moment = 1_781_496_000_000;

/// The first of the currency ids the benchmarks give rates to: ids no chain registers.
const BENCH_CURRENCY: CurrencyId = 9001;

/// A rate that halves: an amount of twice `value` is worth exactly `value` US cents.
fn rate() -> FixedU128 {
	FixedU128::from_rational(1, 2)
}

fn profile(person: u8, residency: Residency, country: &[u8; 2]) -> KycProfile {
	KycProfile {
		person: H256::repeat_byte(person),
		entity: EntityType::Individual,
		residency,
		jurisdiction: CountryCode(*country),
		level: KycLevel::Standard,
		class: None,
	}
}

/// A resident individual of China, with a live credential.
fn resident<T: Config>(who: &T::AccountId, person: u8) -> PersonId {
	let profile = profile(person, Residency::Resident, b"CN");
	T::BenchmarkHelper::verify(who, profile);
	profile.person
}

/// A non-resident individual living in the United States, with a live credential.
fn non_resident<T: Config>(who: &T::AccountId, person: u8) -> PersonId {
	let profile = profile(person, Residency::NonResident, b"US");
	T::BenchmarkHelper::verify(who, profile);
	profile.person
}

/// A currency (neither USD nor the home currency) with a fresh reference rate: a currency of the
/// benchmarks while the chain has room for another rate, otherwise one the chain has a rate for.
fn rated_currency<T: Config>() -> CurrencyId {
	let home = Rules::<T>::get().home_currency;
	let currency = if Rates::<T>::count() < T::MaxRates::get() {
		let mut currency = BENCH_CURRENCY;
		while currency == home || currency == USD || Rates::<T>::contains_key(currency) {
			currency = currency.saturating_add(1);
		}
		currency
	} else {
		Rates::<T>::iter_keys()
			.find(|currency| *currency != home)
			.expect("the chain's rates are not all of the home currency")
	};
	Rates::<T>::insert(currency, ReferenceRate { rate: rate(), set_at: T::Time::now() });
	currency
}

/// A report as large as one can be (a counterparty, a USD value and a note), filed at `at` with
/// `status` and entered in every index, as `file_reports` and `review` leave it. Returns its id.
fn insert_report<T: Config>(index: u32, at: Moment, status: ReportStatus) -> u64 {
	let party: T::AccountId = account("party", index, SEED);
	let report = Report {
		reference: H256::repeat_byte(0xee),
		rule: Reason::LargeValueIndividualCrossBorder,
		party: party.clone(),
		person: H256::repeat_byte(1),
		counterparty: Some(account("counterparty", index, SEED)),
		kind: MovementKind::Conversion,
		currency: BENCH_CURRENCY,
		amount: Amount::MAX,
		usd: Some(Amount::MAX),
		at,
		status,
		note: Some(H256::repeat_byte(0xab)),
	};
	let id = ReportBounds::<T>::mutate(|(_, next)| {
		let id = *next;
		next.saturating_inc();
		id
	});
	let key = id.to_be_bytes();
	ReportsByParty::<T>::insert(&party, key, ());
	ReportsByRule::<T>::insert(report.rule, key, ());
	ReportsByStatus::<T>::insert(status, key, ());
	Reports::<T>::insert(id, report);
	id
}

/// `count` open feedback items of `who`, with the counter that goes with them. Returns the id of
/// the last.
fn open_feedback<T: Config>(who: &T::AccountId, count: u32) -> u64 {
	let mut id = NextFeedback::<T>::get();
	for _ in 0..count {
		id = NextFeedback::<T>::get();
		NextFeedback::<T>::put(id.saturating_add(1));
		let item = FeedbackItem {
			reference: H256::repeat_byte(0xee),
			who: who.clone(),
			kind: FeedbackKind::Complaint,
			content: H256::repeat_byte(0xcc),
			filed_at: T::Time::now(),
			due: T::Time::now().saturating_add(DAY),
		};
		Feedback::<T>::insert(id, item);
		OpenFeedbackOf::<T>::mutate(who, |open| open.saturating_inc());
	}
	id
}

fn case() -> H256 {
	H256::repeat_byte(0xca)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Every `set_rule` reads, checks and writes the whole rule set; the structuring rule is
	/// the one with the most fields to check.
	#[benchmark]
	fn set_rule() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let rule = StructuringRule {
			count: T::MaxStructuringCount::get(),
			window: 7 * DAY,
			floor_percent: 95,
			hold: true,
		};

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Rule::Structuring(rule));

		assert_eq!(Rules::<T>::get().structuring, rule);
		Ok(())
	}

	/// A rate setter is replaced by another (the old one is read for the event).
	#[benchmark]
	fn set_rate_setter() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		RateSetter::<T>::put(account::<T::AccountId>("old setter", 0, SEED));
		let new: T::AccountId = account("new setter", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Some(new.clone()));

		assert_eq!(RateSetter::<T>::get(), Some(new));
		Ok(())
	}

	/// The appointed rate setter (not governance, whose origin needs no storage read) replaces
	/// an existing rate, so the setter and the old rate are read.
	#[benchmark]
	fn set_rate() {
		T::BenchmarkHelper::set_time(NOW);
		let setter: T::AccountId = whitelisted_caller();
		RateSetter::<T>::put(&setter);
		let currency = rated_currency::<T>();
		let new = FixedU128::from_rational(3, 4);

		#[extrinsic_call]
		_(RawOrigin::Signed(setter), currency, new);

		assert_eq!(Rates::<T>::get(currency), Some(ReferenceRate { rate: new, set_at: NOW }));
	}

	#[benchmark]
	fn freeze_account() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("frozen", 0, SEED);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), case());

		assert!(FrozenAccounts::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_account() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("frozen", 0, SEED);
		FrozenAccounts::<T>::insert(&who, Freeze { since: T::Time::now(), case: case() });

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!FrozenAccounts::<T>::contains_key(&who));
		Ok(())
	}

	#[benchmark]
	fn freeze_currency() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_CURRENCY, case());

		assert!(FrozenCurrencies::<T>::contains_key(BENCH_CURRENCY));
		Ok(())
	}

	#[benchmark]
	fn unfreeze_currency() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		FrozenCurrencies::<T>::insert(
			BENCH_CURRENCY,
			Freeze { since: T::Time::now(), case: case() },
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, BENCH_CURRENCY);

		assert!(!FrozenCurrencies::<T>::contains_key(BENCH_CURRENCY));
		Ok(())
	}

	#[benchmark]
	fn pause_payments() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, case());

		assert!(Paused::<T>::exists());
		Ok(())
	}

	#[benchmark]
	fn resume_payments() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Paused::<T>::put(Freeze { since: T::Time::now(), case: case() });

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert!(!Paused::<T>::exists());
		Ok(())
	}

	/// The person's earlier listing ran out but was never cleared: it is read and decoded
	/// before the new one replaces it.
	#[benchmark]
	fn watch_list() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		T::BenchmarkHelper::set_time(NOW);
		let person = H256::repeat_byte(1);
		WatchList::<T>::insert(
			person,
			Listing { listed_at: NOW.saturating_sub(DAY), until: NOW, case: case() },
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, person, case());

		let listing = WatchList::<T>::get(person).expect("the person is listed");
		assert_eq!(listing.listed_at, NOW);
		assert!(listing.until > NOW);
		Ok(())
	}

	#[benchmark]
	fn remove_from_watch_list() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let person = H256::repeat_byte(1);
		WatchList::<T>::insert(
			person,
			Listing { listed_at: T::Time::now(), until: Moment::MAX, case: case() },
		);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, person);

		assert!(!WatchList::<T>::contains_key(person));
		Ok(())
	}

	/// Escalating an acknowledged report, the largest a report can be: its status index entry
	/// moves. `acknowledge_report` does the same work and is charged the same weight.
	#[benchmark]
	fn review_report() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let id = insert_report::<T>(0, T::Time::now(), ReportStatus::Acknowledged);
		let key = id.to_be_bytes();
		let note = Some(H256::repeat_byte(0x11));

		#[extrinsic_call]
		escalate_report(origin as T::RuntimeOrigin, id, note);

		let report = Reports::<T>::get(id).expect("the report is kept");
		assert_eq!((report.status, report.note), (ReportStatus::Escalated, note));
		assert!(!ReportsByStatus::<T>::contains_key(ReportStatus::Acknowledged, key));
		assert!(ReportsByStatus::<T>::contains_key(ReportStatus::Escalated, key));
		Ok(())
	}

	/// A verified party of a retained payment (the last of its parties the pallet looks
	/// through) files its last allowed item: its counter is read and written.
	#[benchmark]
	fn file_feedback() {
		T::BenchmarkHelper::set_time(NOW);
		let who: T::AccountId = whitelisted_caller();
		resident::<T>(&who, 1);
		let counterparty: T::AccountId = account("counterparty", 0, SEED);
		let reference: Reference = T::BenchmarkHelper::payment(&[counterparty, who.clone()]);
		let max = T::MaxOpenFeedback::get();
		open_feedback::<T>(&who, max.saturating_sub(1));
		let id = NextFeedback::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), reference, FeedbackKind::Complaint, H256::repeat_byte(7));

		assert_eq!(Feedback::<T>::get(id).map(|item| item.reference), Some(reference));
		assert_eq!(OpenFeedbackOf::<T>::get(&who), max);
	}

	/// The filer has other items open, so its counter is written back rather than removed.
	#[benchmark]
	fn answer_feedback() -> Result<(), BenchmarkError> {
		let origin =
			T::SupervisorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("filer", 0, SEED);
		let open = T::MaxOpenFeedback::get();
		let id = open_feedback::<T>(&who, open);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, H256::repeat_byte(8));

		assert!(!Feedback::<T>::contains_key(id));
		assert_eq!(OpenFeedbackOf::<T>::get(&who), open.saturating_sub(1));
		Ok(())
	}

	/// One movement as the forex pallet proposes it (`check`) and then executes it
	/// (`decided`), running every rule and reading everything a movement can make the pallet
	/// read: both parties are verified individuals in different jurisdictions (cross-border),
	/// neither frozen nor listed; the currency is neither USD nor the home currency, so its
	/// rate is read; it is a conversion to the home currency, so both parties' quotas are read
	/// and written; the movement is just under the individual cross-border threshold and the
	/// day's totals cross it, so both parties get a large-value report, and it completes a full
	/// structuring window of the originator, so a structuring report is filed too (three
	/// reports, each with three index entries); a resident pays out for services trade with a
	/// tax filing, so the tax rule is evaluated without denying. A conversion rather than a
	/// payment: the quotas it counts cost storage, the travel rule a payment is checked for does
	/// not. The quotas are raised so that they pass, and the structuring rule asks for the most
	/// payments the window remembers and reports rather than holds (so `decided` counts).
	#[benchmark]
	fn supervise() {
		T::BenchmarkHelper::set_time(NOW);
		let max_count = T::MaxStructuringCount::get();
		Rules::<T>::mutate(|rules| {
			rules.purchase_quota = Amount::MAX;
			rules.settlement_quota = Amount::MAX;
			rules.structuring =
				StructuringRule { count: max_count, window: DAY, floor_percent: 90, hold: false };
		});
		let rules = Rules::<T>::get();
		let threshold = rules.large_individual_cross_border.usd;
		let value = threshold.saturating_sub(1);
		let currency = rated_currency::<T>();

		let from: T::AccountId = account("payer", 0, SEED);
		let to: T::AccountId = account("payee", 0, SEED);
		let payer = resident::<T>(&from, 1);
		let payee = non_resident::<T>(&to, 2);
		let (day, year) = (calendar::day(NOW), calendar::year(NOW));
		for person in [payer, payee] {
			QuotaUsage::<T>::insert(person, YearUsage { year, purchase: 1, settlement: 1 });
			let mut totals = DayTotals { day, ..Default::default() };
			totals.individual_cross_border.usd = threshold / 2;
			DailyTotals::<T>::insert(person, totals);
		}
		let recent: Vec<Moment> =
			(0..max_count).map(|i| NOW.saturating_sub(Moment::from(i))).collect();
		NearThreshold::<T>::insert(payer, BoundedVec::truncate_from(recent));

		let movement = Movement {
			reference: H256::repeat_byte(0xee),
			kind: MovementKind::Conversion,
			from: Some(from.clone()),
			to: Some(to.clone()),
			currency,
			amount: value.saturating_mul(2),
			cross_border: true,
			purpose: Purpose::ServicesTrade,
			travel_rule: true,
			documents: Documents {
				trade_document: Some(H256::repeat_byte(1)),
				tax_filing: Some(H256::repeat_byte(2)),
			},
			counter_currency: Some(rules.home_currency),
		};
		let (_, first) = ReportBounds::<T>::get();
		let decision;

		#[block]
		{
			decision = Pallet::<T>::check(&movement);
			Pallet::<T>::decided(&movement, false);
		}

		let Decision::Report(reasons) = decision else {
			panic!("the movement is reported, not {decision:?}");
		};
		assert!(reasons.contains(Reason::LargeValueIndividualCrossBorder));
		assert!(reasons.contains(Reason::Structuring));
		assert_eq!(ReportBounds::<T>::get().1, first.saturating_add(3));
		let filed: Vec<(T::AccountId, Reason)> = (first..first.saturating_add(3))
			.filter_map(Reports::<T>::get)
			.map(|report| (report.party, report.rule))
			.collect();
		assert_eq!(
			filed,
			[
				(from.clone(), Reason::LargeValueIndividualCrossBorder),
				(from, Reason::Structuring),
				(to, Reason::LargeValueIndividualCrossBorder),
			]
		);
		assert_eq!(QuotaUsage::<T>::get(payer).settlement, value.saturating_add(1));
		assert_eq!(QuotaUsage::<T>::get(payee).purchase, value.saturating_add(1));
		assert_eq!(
			NearThreshold::<T>::get(payer).len(),
			usize::try_from(max_count).unwrap_or(usize::MAX)
		);
	}

	/// `n` reports past the retention period, the largest a report can be, each removed with
	/// its three index entries by `on_idle` given ample weight; a young report after them is
	/// read and kept, which ends the pruning as it would on a chain with younger reports.
	#[benchmark]
	fn prune_reports(n: Linear<0, MAX_PRUNED_PER_BLOCK>) {
		T::BenchmarkHelper::set_time(NOW);
		let retention = Rules::<T>::get().report_retention;
		assert!(retention <= NOW, "the benchmark's reports are older than the retention period");
		let (first, _) = ReportBounds::<T>::get();
		for index in 0..n {
			insert_report::<T>(index, 0, ReportStatus::Escalated);
		}
		let young = insert_report::<T>(n, NOW, ReportStatus::Open);

		#[block]
		{
			Pallet::<T>::on_idle(BlockNumberFor::<T>::one(), Weight::MAX);
		}

		assert_eq!(ReportBounds::<T>::get(), (young, young.saturating_add(1)));
		assert_eq!(ReportBounds::<T>::get().0, first.saturating_add(u64::from(n)));
		assert_eq!(Reports::<T>::iter_keys().collect::<Vec<_>>(), [young]);
		assert_eq!(ReportsByStatus::<T>::iter_prefix(ReportStatus::Escalated).count(), 0);
	}

	/// `n` genesis rates, none stamped yet, which the first block's `on_finalize` stamps.
	#[benchmark]
	fn stamp_genesis_rates(n: Linear<0, { T::MaxRates::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let _ = Rates::<T>::clear(u32::MAX, None);
		let home = Rules::<T>::get().home_currency;
		let currencies: Vec<CurrencyId> = (BENCH_CURRENCY..)
			.filter(|currency| *currency != home && *currency != USD)
			.take(usize::try_from(n).unwrap_or(usize::MAX))
			.collect();
		for currency in &currencies {
			Rates::<T>::insert(currency, ReferenceRate { rate: rate(), set_at: 0 });
		}

		#[block]
		{
			Pallet::<T>::on_finalize(BlockNumberFor::<T>::one());
		}

		assert_eq!(Rates::<T>::count(), n);
		for currency in currencies {
			assert_eq!(Rates::<T>::get(currency).map(|r| r.set_at), Some(NOW));
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
