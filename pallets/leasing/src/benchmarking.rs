//! Benchmarks of every call, of the collection and of a held payment's conclusion, each over its
//! worst case: every lease has the most instalments a lease may have, every instalment that is
//! looked at is overdue (so its late fee is computed), the deposit is reserved or given back, the
//! lessee's balance leaves entirely (the ledger reaps its account) and the lessor receives its
//! first payment (the ledger creates its account), title passes where it can, and a lease that
//! pays automatically goes on the collection agenda (one insert; `put_on_agenda` costs at most one
//! removal and one insert) or, when it closes, leaves it (one removal).
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
	forex::{Amount, CurrencyId, ForexLedger, LedgerObserver, Reference},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::Perbill;

const SEED: u32 = 0;

/// The time the benchmarks start at (leases are signed then): 2026-06-15T04:00:00Z. Set before
/// any credential is given, since a credential's expiry counts from the chain's time.
const NOW: Moment = 1_781_496_000_000;

/// What the benchmark leases finance, their deposit, the price of title at maturity (more than
/// the deposit, so that the purchase takes more than the deposit gives back) and what a
/// terminating lessor recovers from the asset (less than what is owed, less the deposit).
const PRINCIPAL: Amount = 10_000_000_000;
const DEPOSIT: Amount = PRINCIPAL / 10;
const PRICE: Amount = 2 * DEPOSIT;
const RECOVERED: Amount = PRINCIPAL / 2;

/// How late the benchmarks pay an instalment: two full days, so that a late fee accrues.
const LATE: Moment = 2 * DAY;

/// Which party signs the benchmarked call (it is the whitelisted caller).
#[derive(Clone, Copy)]
enum Caller {
	Lessor,
	Lessee,
}

/// A verified lessor with a `Lessor` licence and a verified lessee.
fn enrol<T: Config>(lessor: &T::AccountId, lessee: &T::AccountId) {
	T::BenchmarkHelper::verify(lessor);
	T::BenchmarkHelper::license_lessor(lessor);
	T::BenchmarkHelper::verify(lessee);
}

/// A lessor and a lessee, enrolled; `caller` is the whitelisted caller.
fn parties<T: Config>(caller: Caller) -> (T::AccountId, T::AccountId) {
	let (lessor, lessee) = match caller {
		Caller::Lessor => (whitelisted_caller(), account("lessee", 0, SEED)),
		Caller::Lessee => (account("lessor", 0, SEED), whitelisted_caller()),
	};
	enrol::<T>(&lessor, &lessee);
	(lessor, lessee)
}

/// The key of the benchmarks' asset `index`.
fn asset(index: u32) -> AssetKey {
	let mut key = [0u8; 32];
	if let Some(tail) = key.get_mut(28..) {
		tail.copy_from_slice(&index.saturating_add(1).to_be_bytes());
	}
	H256(key)
}

fn description() -> H256 {
	H256::repeat_byte(0xde)
}

/// Register asset `index`, held by `holder`.
fn register<T: Config>(holder: &T::AccountId, index: u32) {
	Pallet::<T>::register_asset(
		RawOrigin::Signed(holder.clone()).into(),
		asset(index),
		description(),
	)
	.expect("the holder is verified and the key is free");
}

/// The most instalments a lease may have.
fn max_instalments<T: Config>() -> u16 {
	u16::try_from(T::MaxInstalments::get()).unwrap_or(u16::MAX)
}

/// The instalment period: three days, or longer if the chain's shortest period is (longer than
/// `LATE` either way, so that an instalment paid `LATE` is the only one overdue). Short enough
/// that a schedule of the most instalments ends within a credential's validity.
fn period<T: Config>() -> Moment {
	(3 * DAY).max(T::MinPeriod::get())
}

/// Terms of `instalments` instalments (an annuity, whose schedule costs the most to compute) with
/// a deposit, a late fee, an early-termination fee and title for a price. The default trigger is
/// met only when all the rent is overdue: a lease with every instalment overdue (the worst case
/// of everything that reads the arrears) meets it, and paying one instalment cures it.
fn terms<T: Config>(currency: CurrencyId, instalments: u16) -> Terms {
	Terms {
		currency,
		principal: PRINCIPAL,
		rate: Perbill::from_percent(1),
		instalments,
		period: period::<T>(),
		method: Method::EqualInstalment,
		deposit: DEPOSIT,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: 15 * DAY,
		trigger: DefaultTrigger { instalments: u16::MAX, share: Perbill::one() },
		early_fee: Perbill::from_percent(2),
		end: EndOption::Purchase { price: PRICE },
	}
}

/// `lessor` registers asset `index` and drafts a lease of it to `lessee` on `terms`.
fn draft_lease<T: Config>(
	lessor: &T::AccountId,
	lessee: &T::AccountId,
	index: u32,
	terms: Terms,
) -> LeaseId {
	register::<T>(lessor, index);
	let id = NextLeaseId::<T>::get();
	Pallet::<T>::draft(
		RawOrigin::Signed(lessor.clone()).into(),
		lessee.clone(),
		asset(index),
		terms,
	)
	.expect("the lessor is licensed and the terms are sensible");
	id
}

/// A lease of asset `index` on the terms `terms` makes of the currency, signed now by `lessee`,
/// who had exactly the deposit (now reserved: its spendable balance is nothing).
fn signed_lease<T: Config>(
	lessor: &T::AccountId,
	lessee: &T::AccountId,
	index: u32,
	terms: impl FnOnce(CurrencyId) -> Terms,
) -> (LeaseId, CurrencyId) {
	let currency = T::BenchmarkHelper::fund(lessee, DEPOSIT);
	let id = draft_lease::<T>(lessor, lessee, index, terms(currency));
	let hash = lease::<T>(id).schedule_hash;
	Pallet::<T>::sign(RawOrigin::Signed(lessee.clone()).into(), id, hash)
		.expect("the lessee holds the deposit");
	(id, currency)
}

/// A lease of the most instalments, signed now.
fn max_lease<T: Config>(lessor: &T::AccountId, lessee: &T::AccountId) -> (LeaseId, CurrencyId) {
	signed_lease::<T>(lessor, lessee, 0, |currency| terms::<T>(currency, max_instalments::<T>()))
}

fn lease<T: Config>(id: LeaseId) -> Lease<T::AccountId> {
	Leases::<T>::get(id).expect("the lease is open")
}

fn update<T: Config>(id: LeaseId, change: impl FnOnce(&mut Lease<T::AccountId>)) {
	Leases::<T>::mutate(id, |record| change(record.as_mut().expect("the lease is open")));
}

/// When instalment `number` of lease `id` falls due.
fn due<T: Config>(id: LeaseId, number: u16) -> Moment {
	let record = lease::<T>(id);
	schedule::due(record.start, record.terms.period, number)
}

/// What the lease's lessee owes now on the instalments that fell due: rent and late fees.
fn arrears<T: Config>(id: LeaseId) -> Amount {
	let view = Pallet::<T>::lease_view(id).expect("the lease is open");
	view.arrears.rent.saturating_add(view.arrears.fees)
}

fn balance<T: Config>(who: &T::AccountId, currency: CurrencyId) -> Amount {
	T::Ledger::balance(who, currency)
}

fn reserved<T: Config>(who: &T::AccountId, currency: CurrencyId) -> Amount {
	T::Ledger::reserved(who, currency)
}

/// Put lease `id`, which pays automatically, on the agenda at `at`, as `put_on_agenda` does.
fn put_on_agenda<T: Config>(id: LeaseId, at: Moment) {
	Agenda::<T>::insert(fxchain_primitives::time_key(at, id), ());
	update::<T>(id, |record| {
		record.auto_pay = true;
		record.collect_at = Some(at);
	});
}

/// Assert that lease `id` has its (one) agenda entry at `at`.
fn assert_on_agenda<T: Config>(id: LeaseId, at: Moment) {
	assert_eq!(lease::<T>(id).collect_at, Some(at));
	assert!(Agenda::<T>::contains_key(fxchain_primitives::time_key(at, id)));
}

/// Assert that the agenda holds nothing of lease `id` (at `at`, where it was).
fn assert_off_agenda<T: Config>(id: LeaseId, at: Moment) {
	assert!(!Agenda::<T>::contains_key(fxchain_primitives::time_key(at, id)));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_asset() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&holder);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), asset(0), description());

		let registered = Assets::<T>::get(asset(0)).expect("the asset is registered");
		assert_eq!((registered.holder, registered.registered_at), (holder, NOW));
	}

	#[benchmark]
	fn transfer_asset() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&holder);
		register::<T>(&holder, 0);
		let buyer: T::AccountId = account("buyer", 0, SEED);
		T::BenchmarkHelper::verify(&buyer);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), asset(0), buyer.clone());

		assert_eq!(Assets::<T>::get(asset(0)).map(|a| a.holder), Some(buyer));
	}

	#[benchmark]
	fn pledge_asset() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&holder);
		register::<T>(&holder, 0);
		let bank: T::AccountId = account("bank", 0, SEED);
		T::BenchmarkHelper::verify(&bank);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), asset(0), bank.clone());

		assert_eq!(
			Assets::<T>::get(asset(0)).and_then(|a| a.encumbrance),
			Some((Encumbrance::Pledge { pledgee: bank }, NOW))
		);
	}

	#[benchmark]
	fn release_pledge() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = account("holder", 0, SEED);
		T::BenchmarkHelper::verify(&holder);
		register::<T>(&holder, 0);
		let bank: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&bank);
		Pallet::<T>::pledge_asset(RawOrigin::Signed(holder.clone()).into(), asset(0), bank.clone())
			.expect("the holder pledges its asset");

		#[extrinsic_call]
		_(RawOrigin::Signed(bank), asset(0));

		let released = Assets::<T>::get(asset(0)).expect("the asset stays registered");
		assert_eq!((released.holder, released.encumbrance), (holder, None));
	}

	#[benchmark]
	fn deregister_asset() {
		T::BenchmarkHelper::set_time(NOW);
		let holder: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&holder);
		register::<T>(&holder, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(holder), asset(0));

		assert!(!Assets::<T>::contains_key(asset(0)));
	}

	/// A lease of `n` instalments: an annuity, whose level rent takes `(1 + r)ⁿ`.
	#[benchmark]
	fn draft(n: Linear<1, { T::MaxInstalments::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let currency = T::BenchmarkHelper::fund(&lessee, DEPOSIT);
		register::<T>(&lessor, 0);
		let instalments = u16::try_from(n).unwrap_or(u16::MAX);
		let id = NextLeaseId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(lessor.clone()),
			lessee.clone(),
			asset(0),
			terms::<T>(currency, instalments),
		);

		let drafted = lease::<T>(id);
		assert_eq!((drafted.lessor, drafted.lessee), (lessor, lessee));
		assert_eq!(drafted.status, LeaseStatus::Draft);
		assert_eq!(Schedules::<T>::get(id).map(|rows| rows.len()), Some(usize::from(instalments)));
	}

	/// The lessor withdraws a draft of the most instalments; the asset is read (a draft does not
	/// encumber it) and the lease, its schedule and both index entries are removed.
	#[benchmark]
	fn withdraw_draft() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let currency = T::BenchmarkHelper::fund(&lessee, DEPOSIT);
		let id =
			draft_lease::<T>(&lessor, &lessee, 0, terms::<T>(currency, max_instalments::<T>()));

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor.clone()), id);

		assert!(!Leases::<T>::contains_key(id));
		assert!(!Schedules::<T>::contains_key(id));
		assert!(!LeasesOf::<T>::contains_key(&lessor, id));
		assert!(!LeasesOf::<T>::contains_key(&lessee, id));
	}

	/// The lessee signs a draft of the most instalments: its whole balance is reserved as the
	/// deposit, and the asset is encumbered.
	#[benchmark]
	fn sign() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let currency = T::BenchmarkHelper::fund(&lessee, DEPOSIT);
		let id =
			draft_lease::<T>(&lessor, &lessee, 0, terms::<T>(currency, max_instalments::<T>()));
		let hash = lease::<T>(id).schedule_hash;

		#[extrinsic_call]
		_(RawOrigin::Signed(lessee.clone()), id, hash);

		let signed = lease::<T>(id);
		assert_eq!(
			(signed.status, signed.start, signed.deposit),
			(LeaseStatus::Active, NOW, DEPOSIT)
		);
		assert_eq!(
			(reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)),
			(DEPOSIT, 0)
		);
		assert_eq!(
			Assets::<T>::get(asset(0)).and_then(|a| a.encumbrance),
			Some((Encumbrance::Lease { lease: id, lessee }, NOW))
		);
	}

	/// The lessee turns automatic payment on: the lease goes on the agenda for its first
	/// instalment (one insert; turning it off costs one removal instead).
	#[benchmark]
	fn set_auto_pay() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let (id, _) = max_lease::<T>(&lessor, &lessee);
		let at = due::<T>(id, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(lessee), id, true);

		assert!(lease::<T>(id).auto_pay);
		assert_on_agenda::<T>(id, at);
	}

	/// The lessee of a lease of the most instalments, all overdue (with late fees), after a
	/// demand notice, pays the first with its late fee (its whole balance). The payment cures the
	/// demand, which reads the schedule again and computes the arrears of every other instalment;
	/// the lease pays automatically but is off the agenda, so it goes on it for its next
	/// instalment (one insert). (A lease that pays automatically is on the agenda whenever a call
	/// can reach it, and then the payment leaves its entry alone: this bounds that from above.)
	#[benchmark]
	fn pay() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		update::<T>(id, |record| {
			record.status = LeaseStatus::Demanded { notice_at: now };
			record.auto_pay = true;
			record.collect_at = None;
		});
		let at = due::<T>(id, 2);
		let record = lease::<T>(id);
		let first = Schedules::<T>::get(id).expect("the lease has a schedule")[0];
		let fee = schedule::late_fee(&record.terms, first.rent(), due::<T>(id, 1), now);
		assert!(fee > 0, "the first instalment accrued a late fee");
		T::BenchmarkHelper::fund(&lessee, first.rent().saturating_add(fee));

		#[extrinsic_call]
		_(RawOrigin::Signed(lessee.clone()), id);

		let paid = lease::<T>(id);
		assert_eq!((paid.paid, paid.fees_paid, paid.status), (1, fee, LeaseStatus::Active));
		assert_on_agenda::<T>(id, at);
		assert_eq!(balance::<T>(&lessee, currency), 0);
	}

	/// The lessee buys out a lease of the most instalments with none paid, in the last period:
	/// every other instalment is overdue (its interest and late fee accrue), the last one's
	/// interest accrues pro rata. The deposit is given back and pays first, the rest is the
	/// lessee's whole balance, and title passes. The lease pays automatically (its collection
	/// failed for want of funds and waits for a retry), so closing it removes its agenda entry.
	#[benchmark]
	fn buy_out() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let last = max_instalments::<T>();
		let now = due::<T>(id, last.saturating_sub(1)).saturating_add(LATE);
		assert!(now < due::<T>(id, last), "the last period is running");
		T::BenchmarkHelper::set_time(now);
		let retry_at = now.saturating_add(T::CollectionRetry::get());
		put_on_agenda::<T>(id, retry_at);
		let amount = Pallet::<T>::lease_view(id).and_then(|view| view.buyout).expect("buyable");
		T::BenchmarkHelper::fund(&lessee, amount.saturating_sub(DEPOSIT));

		#[extrinsic_call]
		_(RawOrigin::Signed(lessee.clone()), id);

		assert!(!Leases::<T>::contains_key(id));
		assert_off_agenda::<T>(id, retry_at);
		let released = Assets::<T>::get(asset(0)).expect("the asset stays registered");
		assert_eq!((released.holder, released.encumbrance), (lessee.clone(), None));
		assert_eq!((reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)), (0, 0));
	}

	/// The lessee completes a matured lease by paying the price: the deposit is given back and
	/// pays first, the rest is the lessee's whole balance, and title passes. (Returning the asset
	/// moves no money.) The lease pays automatically and its last instalment was paid by hand
	/// before it fell due, so its agenda entry is still there, and closing it removes it.
	#[benchmark]
	fn complete() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let last = max_instalments::<T>();
		let at = due::<T>(id, last);
		T::BenchmarkHelper::set_time(at);
		update::<T>(id, |record| {
			record.paid = last;
			record.status = LeaseStatus::Matured;
		});
		put_on_agenda::<T>(id, at);
		T::BenchmarkHelper::fund(&lessee, PRICE.saturating_sub(DEPOSIT));

		#[extrinsic_call]
		_(RawOrigin::Signed(lessee.clone()), id);

		assert!(!Leases::<T>::contains_key(id));
		assert_off_agenda::<T>(id, at);
		let released = Assets::<T>::get(asset(0)).expect("the asset stays registered");
		assert_eq!((released.holder, released.encumbrance), (lessee.clone(), None));
		assert_eq!((reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)), (0, 0));
	}

	/// Every instalment of a lease of the most instalments is overdue: the arrears add up the
	/// rent and late fee of each.
	#[benchmark]
	fn send_demand() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let (id, _) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor), id);

		assert_eq!(lease::<T>(id).status, LeaseStatus::Demanded { notice_at: now });
	}

	/// The grace period ended with every instalment of a lease of the most instalments overdue.
	#[benchmark]
	fn declare_default() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let (id, _) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		let grace = lease::<T>(id).terms.grace;
		update::<T>(id, |record| {
			record.status = LeaseStatus::Demanded { notice_at: now.saturating_sub(grace) }
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor), id);

		assert_eq!(lease::<T>(id).status, LeaseStatus::Defaulted { at: now });
	}

	/// The lessor accelerates a defaulted lease of the most instalments, all overdue: the rent
	/// and late fee of every one fall due, the deposit is given back and paid to the lessor (the
	/// lessee's whole balance), and the lease, paying automatically but off the agenda, goes on
	/// it for the rest (one insert).
	#[benchmark]
	fn accelerate() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		update::<T>(id, |record| {
			record.status = LeaseStatus::Defaulted { at: now };
			record.auto_pay = true;
			record.collect_at = None;
		});
		let owed = arrears::<T>(id);
		let at = now;

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor), id);

		let accelerated = lease::<T>(id);
		let due = owed.saturating_sub(DEPOSIT);
		assert_eq!(
			(accelerated.status, accelerated.deposit),
			(LeaseStatus::Accelerated { due }, 0)
		);
		assert_on_agenda::<T>(id, at);
		assert_eq!((reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)), (0, 0));
	}

	/// The lessor terminates a defaulted lease of the most instalments, all overdue, recovering
	/// less than the rent and fees owed less the deposit: the asset is released, the deposit is
	/// given back and paid to the lessor (the lessee's whole balance), and the lease, paying
	/// automatically but off the agenda, goes on it for the rest (one insert).
	///
	/// Of the two paths with a transfer, this one and a recovery above what is owed (the lessor
	/// pays the surplus to the lessee and the lease closes), this one costs more: after the same
	/// transfer, it writes the lease and puts it on the agenda (one insert) where the other
	/// closes the lease (the asset read, five removals, its agenda entry among them).
	#[benchmark]
	fn terminate() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		update::<T>(id, |record| {
			record.status = LeaseStatus::Defaulted { at: now };
			record.auto_pay = true;
			record.collect_at = None;
		});
		let owed = arrears::<T>(id);
		assert!(owed > RECOVERED.saturating_add(DEPOSIT), "the deposit does not settle it");
		let at = now;

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor.clone()), id, RECOVERED, H256::repeat_byte(0xe5));

		let terminated = lease::<T>(id);
		let due = owed.saturating_sub(RECOVERED).saturating_sub(DEPOSIT);
		assert_eq!((terminated.status, terminated.deposit), (LeaseStatus::Terminated { due }, 0));
		assert_on_agenda::<T>(id, at);
		let released = Assets::<T>::get(asset(0)).expect("the asset stays registered");
		assert_eq!((released.holder, released.encumbrance), (lessor, None));
		assert_eq!((reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)), (0, 0));
	}

	/// The lessor writes off a terminated lease of the most instalments whose deposit could not
	/// pay when it was terminated (the lessee's credential had lapsed, or supervision refused),
	/// set up in storage as `terminate` leaves it: the asset already released, something still
	/// due, the whole deposit reserved. Closing gives the deposit back through the ledger (the
	/// lessee's balance, exactly the deposit, is created), reads the asset (no longer the
	/// lease's: nothing to write), and removes the lease, its schedule, both index entries and
	/// its agenda entry (it pays automatically and waits for collection).
	#[benchmark]
	fn write_off() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessor);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		let now = due::<T>(id, max_instalments::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		Assets::<T>::mutate(asset(0), |registered| {
			registered.as_mut().expect("the asset is registered").encumbrance = None
		});
		update::<T>(id, |record| {
			record.status = LeaseStatus::Terminated { due: PRINCIPAL };
		});
		put_on_agenda::<T>(id, now);
		assert_eq!(lease::<T>(id).deposit, DEPOSIT);

		#[extrinsic_call]
		_(RawOrigin::Signed(lessor.clone()), id);

		assert!(!Leases::<T>::contains_key(id));
		assert!(!Schedules::<T>::contains_key(id));
		assert!(!LeasesOf::<T>::contains_key(&lessor, id));
		assert!(!LeasesOf::<T>::contains_key(&lessee, id));
		assert_off_agenda::<T>(id, now);
		let released = Assets::<T>::get(asset(0)).expect("the asset stays registered");
		assert_eq!((released.holder, released.encumbrance), (lessor, None));
		assert_eq!(
			(reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)),
			(0, DEPOSIT)
		);
	}

	/// One block's collection, `collect_due(MaxCollectionsPerBlock)` as `on_initialize` calls it,
	/// with `n` leases due. Each lease, of the most instalments, pays automatically and has its
	/// first instalment overdue with a late fee after a demand notice; each has its own lessor
	/// (who receives a first payment) and lessee (whose whole balance pays). Each payment cures
	/// the demand (reading the schedule again), and each lease leaves the agenda and goes back on
	/// it for its next instalment (one removal, one insert). Behind them waits a lease not yet
	/// due, whose entry the collection reads and leaves when it has room for more than `n`: with
	/// `n = 0` it is the agenda's first entry, and this is the cost of every quiet block.
	#[benchmark]
	fn collect(n: Linear<0, { T::MaxCollectionsPerBlock::get() }>) {
		T::BenchmarkHelper::set_time(NOW);
		let mut leases = Vec::new();
		for index in 0..n {
			let lessor: T::AccountId = account("lessor", index, SEED);
			let lessee: T::AccountId = account("lessee", index, SEED);
			enrol::<T>(&lessor, &lessee);
			let (id, currency) = signed_lease::<T>(&lessor, &lessee, index, |currency| Terms {
				trigger: DefaultTrigger { instalments: 1, share: Perbill::one() },
				..terms::<T>(currency, max_instalments::<T>())
			});
			leases.push((id, lessee, currency));
		}
		let now = NOW.saturating_add(period::<T>()).saturating_add(LATE);
		T::BenchmarkHelper::set_time(now);
		// The lease not yet due: signed now, it waits for its first instalment.
		let lessor: T::AccountId = account("lessor", n, SEED);
		let lessee: T::AccountId = account("lessee", n, SEED);
		enrol::<T>(&lessor, &lessee);
		let (waiting, _) = signed_lease::<T>(&lessor, &lessee, n, |currency| {
			terms::<T>(currency, max_instalments::<T>())
		});
		let waiting_at = due::<T>(waiting, 1);
		assert!(waiting_at > now, "the last lease is not due yet");
		put_on_agenda::<T>(waiting, waiting_at);
		for (id, lessee, _) in &leases {
			let at = due::<T>(*id, 1);
			assert!(at < now && due::<T>(*id, 2) > now, "only the first instalment is overdue");
			put_on_agenda::<T>(*id, at);
			update::<T>(*id, |record| record.status = LeaseStatus::Demanded { notice_at: now });
			let payment = Pallet::<T>::lease_view(*id).expect("the lease is open").next_payment;
			T::BenchmarkHelper::fund(lessee, payment);
		}
		let looked_at;

		#[block]
		{
			looked_at = Pallet::<T>::collect_due(T::MaxCollectionsPerBlock::get());
		}

		assert_eq!(looked_at, n);
		for (id, lessee, currency) in &leases {
			let collected = lease::<T>(*id);
			assert_eq!((collected.paid, collected.status), (1, LeaseStatus::Active));
			assert!(collected.fees_paid > 0, "a late fee was paid");
			assert_off_agenda::<T>(*id, due::<T>(*id, 1));
			assert_on_agenda::<T>(*id, due::<T>(*id, 2));
			assert_eq!(balance::<T>(lessee, *currency), 0);
		}
		assert_on_agenda::<T>(waiting, waiting_at);
		assert_eq!(lease::<T>(waiting).paid, 0);
	}

	/// A held payment concluded. Benchmarks run with a supervision that never holds, so the held
	/// payment is set up in storage as `pay_for` leaves it: a buyout, for which the whole deposit
	/// was given back to the lessee (the buyout exceeds it: the ledger's reservation undone, the
	/// lease's deposit zero), in review.
	///
	/// The payment is returned (rejected or expired), the most expensive way a held payment
	/// concludes: the deposit is reserved again through the ledger (the currency, the lessee's
	/// and the escrow's accounts, the escrow's books and the ledger's reservation: the lessee's
	/// balance is exactly the deposit, so its account is reaped), and the lease, which pays
	/// automatically and was off the agenda while in review, goes back on it (one insert). A
	/// release applies the payment instead: a buyout or final purchase closes the lease (the asset
	/// read and written, five removals with its agenda entry, no ledger call, since the deposit
	/// was given back when the payment was made); a settlement that ends an accelerated lease
	/// writes it; an instalment writes it and puts it on the agenda as here, and after a demand
	/// notice reads the schedule and computes the arrears, which costs less than the ledger's
	/// reservation. A returned surplus closes the terminated lease, which gives back the deposit
	/// (one ledger call, as here, but an unreservation rather than a reservation) and reads the
	/// asset and makes five removals where this writes the lease and inserts an agenda entry.
	#[benchmark]
	fn concluded() {
		T::BenchmarkHelper::set_time(NOW);
		let (lessor, lessee) = parties::<T>(Caller::Lessee);
		let (id, currency) = max_lease::<T>(&lessor, &lessee);
		T::Ledger::unreserve(&lessee, currency, DEPOSIT).expect("the deposit is reserved");
		let reference: Reference = H256::repeat_byte(0x7e);
		update::<T>(id, |record| {
			record.deposit = 0;
			record.auto_pay = true;
			record.collect_at = None;
			record.in_review = Some(reference);
		});
		InReview::<T>::insert(
			reference,
			Pending { lease: id, effect: Effect::Buyout, released_deposit: DEPOSIT },
		);
		let at = due::<T>(id, 1);

		#[block]
		{
			<Pallet<T> as LedgerObserver>::concluded(&reference, false);
		}

		assert!(!InReview::<T>::contains_key(reference));
		let returned = lease::<T>(id);
		assert_eq!((returned.status, returned.deposit), (LeaseStatus::Active, DEPOSIT));
		assert_eq!(returned.in_review, None);
		assert_on_agenda::<T>(id, at);
		assert_eq!(
			(reserved::<T>(&lessee, currency), balance::<T>(&lessee, currency)),
			(DEPOSIT, 0)
		);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
