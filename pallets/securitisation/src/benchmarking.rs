//! Benchmarks of every call, of a payment date's start and its payouts, and of the two
//! observers, each over its worst case: pools hold the most receivables a component allows (or
//! `MaxReceivablesPerPool`, whose decoding every read of the pool pays) and the call's
//! receivable is the last one looked at; a purchase adds the pool's last holder; every holder
//! paid holds units of both tranches, is owed money and has a purchase in review, and is paid
//! through the ledger; the last payout settles the payment date (and puts the pool back on the
//! agenda).
//!
//! The ledger's supervision decides whether a transfer executes or is held; benchmarks run with
//! a supervision that never holds, so the calls take their executed path (what supervision adds
//! is `ForexLedger::supervision_weight`, charged on top). A held purchase's conclusion is
//! benchmarked from a held purchase set up in storage.
//!
//! Every benchmark asserts the state it expects afterwards, so that a setup that sends the call
//! down another path fails loudly instead of measuring the wrong thing.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungibles, tokens::Preservation, Get};
use frame_system::RawOrigin;
use fxchain_primitives::{
	forex::{Amount, CurrencyId, ForexLedger, LedgerObserver, Reference},
	receivables::{CollectionObserver, ReceivableRegistry},
	supervision::DAY,
	Moment,
};
use sp_core::H256;

const SEED: u32 = 0;

/// The time the benchmarks start at: 2026-06-15T04:00:00Z. Set before any credential is given,
/// since a credential's expiry counts from the chain's time.
const NOW: Moment = 1_781_496_000_000;

/// The benchmark pools' tranches (face 100_000) and what each receivable has outstanding.
const SENIOR: (Amount, Amount, u32) = (800, 100, 100);
const JUNIOR: (Amount, Amount) = (200, 100);
const RECEIVABLE: Amount = 100_000;

/// The payment interval: the chain's shortest, or a month if that is shorter.
fn interval<T: Config>() -> Moment {
	(30 * DAY).max(T::MinPaymentInterval::get())
}

/// A verified, licensed originator with the benchmark currency.
fn originator<T: Config>(who: &T::AccountId) -> CurrencyId {
	T::BenchmarkHelper::verify(who);
	T::BenchmarkHelper::license(who);
	T::BenchmarkHelper::fund(who, 1)
}

/// `originator` opens a pool; returns its number.
fn create<T: Config>(originator: &T::AccountId, currency: CurrencyId) -> PoolId {
	let id = NextPoolId::<T>::get();
	Pallet::<T>::create_pool(
		RawOrigin::Signed(originator.clone()).into(),
		currency,
		SENIOR,
		JUNIOR,
		interval::<T>(),
		NOW.saturating_add(interval::<T>()),
	)
	.expect("the originator is verified and licensed");
	id
}

/// Receivable `index` of `originator`, added to pool `id`.
fn add<T: Config>(id: PoolId, originator: &T::AccountId, currency: CurrencyId, index: u32) {
	let receivable = T::BenchmarkHelper::receivable(originator, currency, RECEIVABLE, index);
	Pallet::<T>::add_receivable(RawOrigin::Signed(originator.clone()).into(), id, receivable)
		.expect("the receivable is the originator's");
}

/// An open pool with `receivables` receivables.
fn open_pool<T: Config>(who: &T::AccountId, receivables: u32) -> (PoolId, CurrencyId) {
	T::BenchmarkHelper::set_time(NOW);
	let currency = originator::<T>(who);
	let id = create::<T>(who, currency);
	for index in 0..receivables {
		add::<T>(id, who, currency, index);
	}
	(id, currency)
}

/// An issued pool with `receivables` receivables.
fn issued_pool<T: Config>(who: &T::AccountId, receivables: u32) -> (PoolId, CurrencyId) {
	let (id, currency) = open_pool::<T>(who, receivables);
	Pallet::<T>::issue(RawOrigin::Signed(who.clone()).into(), id).expect("collateralised");
	(id, currency)
}

fn record<T: Config>(id: PoolId) -> PoolOf<T> {
	Pools::<T>::get(id).expect("the pool exists")
}

fn unit<T: Config>(id: PoolId, tranche: Tranche) -> UnitId {
	Pallet::<T>::unit_id(id, tranche).expect("a small pool number")
}

fn units<T: Config>(id: PoolId, tranche: Tranche, who: &T::AccountId) -> Amount {
	<T::Units as fungibles::Inspect<_>>::balance(unit::<T>(id, tranche), who)
}

/// Give `investor` (verified) `units` of each tranche from the originator, as a purchase does.
fn give<T: Config>(id: PoolId, originator: &T::AccountId, investor: &T::AccountId, units: Amount) {
	T::BenchmarkHelper::verify(investor);
	for tranche in Tranche::ALL {
		<T::Units as fungibles::Mutate<_>>::transfer(
			unit::<T>(id, tranche),
			originator,
			investor,
			units,
			Preservation::Expendable,
		)
		.expect("the originator holds the units");
	}
	Holders::<T>::mutate(id, |holders| holders.try_push(investor.clone()))
		.expect("room for the holder");
}

/// The most holders a pool may have besides the originator, and what each may hold of the
/// smaller (junior) tranche.
fn investors<T: Config>() -> u32 {
	T::MaxInvestorsPerPool::get().saturating_sub(1)
}

/// The most receivables a pool holds.
fn full<T: Config>() -> u32 {
	T::MaxReceivablesPerPool::get()
}

/// Put `units` senior units of `investor` in review: they wait in the pool's account for a
/// held purchase, whose conclusion is counted.
fn hold_purchase<T: Config>(
	id: PoolId,
	originator: &T::AccountId,
	investor: &T::AccountId,
	units: Amount,
	reference: Reference,
) {
	let account = record::<T>(id).account;
	<T::Units as fungibles::Mutate<_>>::transfer(
		unit::<T>(id, Tranche::Senior),
		originator,
		&account,
		units,
		Preservation::Expendable,
	)
	.expect("the originator holds the units");
	PurchaseInReview::<T>::insert(id, investor, reference);
	InReview::<T>::insert(
		reference,
		Pending::Purchase {
			pool: id,
			tranche: Tranche::Senior,
			investor: investor.clone(),
			units,
			price: SENIOR.1.saturating_mul(units),
			accrued: 0,
		},
	);
	Reviews::<T>::mutate(id, |count| *count = count.saturating_add(1));
}

/// A distinct hash for number `n` (`H256::from_low_u64_be` is std-only).
fn numbered(n: u64) -> H256 {
	H256(sp_io::hashing::blake2_256(&n.to_le_bytes()))
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_pool() {
		T::BenchmarkHelper::set_time(NOW);
		let caller: T::AccountId = whitelisted_caller();
		let currency = originator::<T>(&caller);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			currency,
			SENIOR,
			JUNIOR,
			interval::<T>(),
			NOW.saturating_add(interval::<T>()),
		);

		let pool = record::<T>(0);
		assert_eq!((&pool.originator, pool.status), (&caller, PoolStatus::Open));
		assert_eq!(Pallet::<T>::originator_of(&pool.account), Some(caller));
	}

	/// The pool holds `r` receivables; the new one is compared with each.
	#[benchmark]
	fn add_receivable(r: Linear<0, { T::MaxReceivablesPerPool::get().saturating_sub(1) }>) {
		let caller: T::AccountId = whitelisted_caller();
		let (id, currency) = open_pool::<T>(&caller, r);
		let receivable = T::BenchmarkHelper::receivable(&caller, currency, RECEIVABLE, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, receivable);

		let pool = record::<T>(id);
		assert_eq!(
			pool.receivables.len(),
			usize::try_from(r).unwrap_or_default().saturating_add(1)
		);
		assert_eq!(T::Registry::info(&receivable).map(|info| info.holder), Some(pool.account));
	}

	/// The pool holds `r` receivables, which are summed.
	#[benchmark]
	fn issue(r: Linear<1, { T::MaxReceivablesPerPool::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		let (id, _) = open_pool::<T>(&caller, r);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id);

		assert_eq!(record::<T>(id).status, PoolStatus::Issued);
		assert_eq!(units::<T>(id, Tranche::Senior, &caller), SENIOR.0);
		assert_eq!(units::<T>(id, Tranche::Junior, &caller), JUNIOR.0);
	}

	/// The buyer is new and takes the pool's last place (the holders are searched and
	/// extended), pays all its money and receives senior units.
	#[benchmark]
	fn buy() {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, _) = issued_pool::<T>(&originator, full::<T>());
		for index in 0..investors::<T>().saturating_sub(1) {
			give::<T>(id, &originator, &account("investor", index, SEED), 1);
		}
		let caller: T::AccountId = whitelisted_caller();
		T::BenchmarkHelper::verify(&caller);
		let price = SENIOR.1.saturating_mul(10);
		let currency = T::BenchmarkHelper::fund(&caller, price);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, Tranche::Senior, 10);

		assert_eq!(units::<T>(id, Tranche::Senior, &caller), 10);
		assert_eq!(T::Ledger::balance(&caller, currency), 0);
		assert_eq!(
			Holders::<T>::get(id).len(),
			usize::try_from(T::MaxInvestorsPerPool::get()).unwrap_or_default()
		);
	}

	/// The defaulted receivable is the last of `r`.
	#[benchmark]
	fn write_off(r: Linear<1, { T::MaxReceivablesPerPool::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		let (id, _) = issued_pool::<T>(&caller, r);
		let receivable = record::<T>(id).receivables.last().expect("one at least").id;
		T::BenchmarkHelper::default(&receivable);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, receivable);

		let pool = record::<T>(id);
		assert_eq!(pool.losses, RECEIVABLE);
		assert_eq!(pool.junior.principal, 0);
	}

	/// A collection on the last of `r` receivables.
	#[benchmark]
	fn collected(r: Linear<1, { T::MaxReceivablesPerPool::get() }>) {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, currency) = issued_pool::<T>(&originator, r);
		let pool = record::<T>(id);
		let receivable = pool.receivables.last().expect("one at least").id;

		#[block]
		{
			<Pallet<T> as CollectionObserver<T::AccountId>>::collected(
				&receivable,
				&pool.account,
				currency,
				1_000,
			);
		}

		assert_eq!(record::<T>(id).collected, 1_000);
	}

	/// A held purchase returned: the units go back from the pool's account to the originator,
	/// what they earned (at a past date, and at the date under way, which had not reached the
	/// buyer but had passed the originator) is owed to the originator, and the buyer, the last
	/// of a full pool's holders, leaves them (a search of the holders; the cursor moves back).
	/// A release moves the units the other way and leaves the holders as they are. A payout's
	/// conclusion writes the pool, a debt and the review count only.
	#[benchmark]
	fn concluded() {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, _) = issued_pool::<T>(&originator, full::<T>());
		for index in 0..investors::<T>().saturating_sub(1) {
			give::<T>(id, &originator, &account("investor", index, SEED), 1);
		}
		let buyer: T::AccountId = account("buyer", 0, SEED);
		Holders::<T>::mutate(id, |holders| holders.try_push(buyer.clone()))
			.expect("room for the buyer");
		let reference: Reference = H256::repeat_byte(0x7e);
		hold_purchase::<T>(id, &originator, &buyer, 10, reference);
		// A past date's share of the waiting units, owed by the pool.
		InReview::<T>::mutate(reference, |pending| {
			if let Some(Pending::Purchase { accrued, .. }) = pending {
				*accrued = 7;
			}
		});
		Pools::<T>::mutate(id, |pool| {
			if let Some(pool) = pool {
				pool.owed = 7;
				pool.collected = 7;
			}
		});
		// A payment date is being paid out, up to the buyer: its cursor is read and written.
		let at_buyer = u32::try_from(Holders::<T>::get(id).len().saturating_sub(1))
			.expect("a bounded number of holders");
		Distributions::<T>::insert(
			id,
			Distribution { senior_principal: 8_000, cursor: at_buyer, ..Default::default() },
		);
		let before = units::<T>(id, Tranche::Senior, &originator);

		#[block]
		{
			<Pallet<T> as LedgerObserver>::concluded(&reference, false);
		}

		assert_eq!(units::<T>(id, Tranche::Senior, &originator), before.saturating_add(10));
		assert!(!Holders::<T>::get(id).contains(&buyer));
		assert!(InReview::<T>::get(reference).is_none());
		// 7 from before, ⌊8_000 × 10 / 800⌋ = 100 from the date under way.
		assert_eq!(Owed::<T>::get(id, &originator), 107);
		assert_eq!(record::<T>(id).owed, 107);
	}

	/// A due pool with cash: the agenda entry is read and removed, the waterfall computed and
	/// the distribution stored.
	#[benchmark]
	fn start_distribution() {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, currency) = issued_pool::<T>(&originator, full::<T>());
		let pool = record::<T>(id);
		let receivable = pool.receivables.first().expect("one").id;
		T::BenchmarkHelper::fund(&pool.account, 10_000);
		<Pallet<T> as CollectionObserver<T::AccountId>>::collected(
			&receivable,
			&pool.account,
			currency,
			10_000,
		);
		T::BenchmarkHelper::set_time(pool.next_payment);

		#[block]
		{
			// What `distribute` does to start a due payment date.
			let key = Agenda::<T>::iter_keys().next().expect("the pool is on the agenda");
			Agenda::<T>::remove(key);
			Pallet::<T>::start_distribution(id);
		}

		let distribution = Distributions::<T>::get(id).expect("the payment date started");
		assert_eq!(distribution.senior_interest, 800);
		assert_eq!(distribution.cursor, 0);
	}

	/// A due pool without cash or debts: the waterfall is computed on nothing and the date
	/// settles at once (the pool goes back on the agenda, a month later).
	#[benchmark]
	fn start_distribution_without_cash() {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, _) = issued_pool::<T>(&originator, full::<T>());
		let pool = record::<T>(id);
		T::BenchmarkHelper::set_time(pool.next_payment);

		#[block]
		{
			let key = Agenda::<T>::iter_keys().next().expect("the pool is on the agenda");
			Agenda::<T>::remove(key);
			Pallet::<T>::start_distribution(id);
		}

		assert!(Distributions::<T>::get(id).is_none());
		let next = pool.next_payment.saturating_add(interval::<T>());
		assert_eq!(record::<T>(id).next_payment, next);
		assert!(Agenda::<T>::contains_key(fxchain_primitives::time_key(next, u64::from(id))));
	}

	/// A repaid pool of `r` receivables closes: each is read from the registry (the
	/// benchmark helper cannot mark a receivable paid, so they are ids the registry does not
	/// know, which count as paid).
	#[benchmark]
	fn close(r: Linear<1, { T::MaxReceivablesPerPool::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		let (id, _) = issued_pool::<T>(&caller, 1);
		Pools::<T>::mutate(id, |pool| {
			if let Some(pool) = pool {
				pool.senior.principal = 0;
				pool.junior.principal = 0;
				pool.receivables = (0..r)
					.map(|i| Pooled {
						id: ReceivableId::Document(numbered(u64::from(i))),
						pooled: RECEIVABLE,
						collected: 0,
						written_off: 0,
					})
					.collect::<Vec<_>>()
					.try_into()
					.expect("at most MaxReceivablesPerPool");
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert_eq!(record::<T>(id).status, PoolStatus::Closed);
		assert_eq!(Agenda::<T>::iter_keys().count(), 0);
	}

	/// `n` holders paid in one block, each holding units of both tranches, owed money from a
	/// refused payout and with a purchase in review (its waiting units accrue their share), and
	/// paid through the ledger; the last payout settles the payment date.
	#[benchmark]
	fn pay_holders(
		n: Linear<1, { T::MaxPayoutsPerBlock::get().min(T::MaxInvestorsPerPool::get()) }>,
	) {
		let originator: T::AccountId = account("originator", 0, SEED);
		let (id, currency) = issued_pool::<T>(&originator, full::<T>());
		let mut paid = Vec::new();
		for index in 0..n.saturating_sub(1) {
			let investor: T::AccountId = account("investor", index, SEED);
			give::<T>(id, &originator, &investor, 1);
			let reference = numbered(u64::from(index).saturating_add(1));
			hold_purchase::<T>(id, &originator, &investor, 1, reference);
			paid.push(investor);
		}
		let pool = record::<T>(id);
		let receivable = pool.receivables.first().expect("one").id;
		T::BenchmarkHelper::fund(&pool.account, 100_000);
		<Pallet<T> as CollectionObserver<T::AccountId>>::collected(
			&receivable,
			&pool.account,
			currency,
			100_000,
		);
		// Each holder (the originator too) is owed 1 of the collections.
		for holder in Holders::<T>::get(id) {
			Owed::<T>::insert(id, &holder, 1);
		}
		let debts = Amount::from(n);
		Pools::<T>::mutate(id, |pool| {
			if let Some(pool) = pool {
				pool.owed = debts;
			}
		});
		T::BenchmarkHelper::set_time(pool.next_payment);
		// The payment date has started: the waterfall is computed, nobody is paid yet.
		Agenda::<T>::remove(fxchain_primitives::time_key(pool.next_payment, u64::from(id)));
		let mut started = record::<T>(id);
		let cash = Pallet::<T>::cash(&started).expect("the debts are covered");
		let distribution = Pallet::<T>::waterfall(&mut started, cash);
		Pools::<T>::insert(id, started);
		Distributions::<T>::insert(id, distribution);
		let visited;

		#[block]
		{
			visited = Pallet::<T>::distribute(n).1;
		}

		assert_eq!(visited, n);
		assert!(Distributions::<T>::get(id).is_none());
		assert_eq!(record::<T>(id).next_payment, pool.next_payment.saturating_add(interval::<T>()));
		for investor in &paid {
			assert!(T::Ledger::balance(investor, currency) > 0, "the investor was paid");
			assert_eq!(Owed::<T>::get(id, investor), 0, "its debt was paid");
		}
		// What the waiting units earned is owed now, nothing else.
		let accrued = record::<T>(id).owed;
		assert!(n == 1 || accrued > 0, "the waiting units accrued");
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
