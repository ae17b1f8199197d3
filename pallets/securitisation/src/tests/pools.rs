//! Opening a pool, adding receivables and issuing units.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{kyc::KycProvider, receivables::ReceivableRegistry, supervision::DAY};

#[test]
fn a_licensed_verified_institution_opens_a_pool_whose_account_carries_its_profile() {
	build_and_execute(|| {
		let id = create();
		let record = pool(id);
		assert_eq!(record.originator, ORIGINATOR);
		assert_eq!(record.status, PoolStatus::Open);
		assert_eq!(record.next_payment, FIRST);
		assert_eq!(record.senior.principal, 0);
		assert_eq!(Holders::<Test>::get(id).into_inner(), vec![ORIGINATOR]);
		assert_eq!(Securitisation::originator_of(&record.account), Some(ORIGINATOR));
		assert_eq!(MockKyc::verified_profile(&record.account), Some(profile(ORIGINATOR, *b"CN")));
		// A second pool has its own account.
		let second = create();
		assert_ne!(pool(second).account, record.account);
		assert_eq!(
			events(),
			vec![
				Event::PoolCreated {
					pool: id,
					originator: ORIGINATOR,
					account: record.account,
					currency: CNY
				},
				Event::PoolCreated {
					pool: second,
					originator: ORIGINATOR,
					account: pool(second).account,
					currency: CNY
				},
			]
		);
		// A lessor may open one too.
		assert_ok!(Securitisation::create_pool(
			RuntimeOrigin::signed(LESSOR),
			CNY,
			SENIOR,
			JUNIOR,
			MONTH,
			FIRST
		));
	});
}

#[test]
fn opening_a_pool_needs_a_licence_a_credential_and_sensible_terms() {
	build_and_execute(|| {
		let open = |who, senior, junior, interval, first| {
			Securitisation::create_pool(
				RuntimeOrigin::signed(who),
				CNY,
				senior,
				junior,
				interval,
				first,
			)
		};
		assert_noop!(open(UNLICENSED, SENIOR, JUNIOR, MONTH, FIRST), Error::<Test>::NotLicensed);
		assert_noop!(
			open(UNVERIFIED_ISSUER, SENIOR, JUNIOR, MONTH, FIRST),
			Error::<Test>::NotVerified
		);
		for (senior, junior, interval, first) in [
			((0, 100, 100), JUNIOR, MONTH, FIRST),
			((800, 0, 100), JUNIOR, MONTH, FIRST),
			((800, 100, 10_001), JUNIOR, MONTH, FIRST),
			(SENIOR, (0, 100), MONTH, FIRST),
			(SENIOR, (200, 0), MONTH, FIRST),
			(SENIOR, JUNIOR, DAY - 1, FIRST),
			(SENIOR, JUNIOR, MONTH, START),
			((u128::MAX, 2, 100), JUNIOR, MONTH, FIRST),
		] {
			assert_noop!(
				open(ORIGINATOR, senior, junior, interval, first),
				Error::<Test>::InvalidTerms
			);
		}
		// The edges: 100% a period and the shortest interval are fine.
		assert_ok!(open(ORIGINATOR, (800, 100, 10_000), JUNIOR, DAY, START + 1));
	});
}

#[test]
fn adding_a_receivable_assigns_it_to_the_pool_account() {
	build_and_execute(|| {
		let id = create();
		register_in(rid(1), ORIGINATOR, CNY, 60_000);
		System::reset_events();
		assert_ok!(Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), id, rid(1)));
		let record = pool(id);
		assert_eq!(
			record.receivables.into_inner(),
			vec![Pooled { id: rid(1), pooled: 60_000, collected: 0, written_off: 0 }]
		);
		assert_eq!(MockRegistry::info(&rid(1)).unwrap().holder, record.account);
		assert_eq!(
			events(),
			vec![Event::ReceivableAdded { pool: id, receivable: rid(1), amount: 60_000 }]
		);
	});
}

#[test]
fn only_the_holder_of_a_performing_receivable_in_the_currency_adds_it_once() {
	build_and_execute(|| {
		let id = create();
		let add = |who, n| Securitisation::add_receivable(RuntimeOrigin::signed(who), id, rid(n));
		register_in(rid(1), INV1, CNY, 1_000);
		register_in(rid(2), ORIGINATOR, USD, 1_000);
		register_in(rid(3), ORIGINATOR, CNY, 0);
		register_in(rid(4), ORIGINATOR, CNY, 1_000);
		set_defaulted(rid(4));
		register_in(rid(5), ORIGINATOR, CNY, 1_000);
		assert_noop!(add(ORIGINATOR, 9), Error::<Test>::ReceivableNotFound);
		assert_noop!(add(ORIGINATOR, 1), Error::<Test>::NotHolder);
		assert_noop!(add(ORIGINATOR, 2), Error::<Test>::WrongCurrency);
		assert_noop!(add(ORIGINATOR, 3), Error::<Test>::NothingOutstanding);
		assert_noop!(add(ORIGINATOR, 4), Error::<Test>::ReceivableDefaulted);
		assert_noop!(add(INV1, 5), Error::<Test>::NotOriginator);
		assert_noop!(
			Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), 7, rid(5)),
			Error::<Test>::PoolNotFound
		);
		assert_ok!(add(ORIGINATOR, 5));
		assert_noop!(add(ORIGINATOR, 5), Error::<Test>::AlreadyPooled);
		// The mock allows four receivables per pool.
		for n in 6..9 {
			register_in(rid(n), ORIGINATOR, CNY, 1_000);
			assert_ok!(add(ORIGINATOR, n));
		}
		register_in(rid(10), ORIGINATOR, CNY, 1_000);
		assert_noop!(add(ORIGINATOR, 10), Error::<Test>::TooManyReceivables);
	});
}

#[test]
fn issue_is_refused_one_unit_above_the_pooled_amount_and_allowed_at_it() {
	build_and_execute(|| {
		// Units' face: 800 × 100 + 200 × 100 = 100_000.
		let id = pool_with(&[(1, 60_000), (2, 39_999)]);
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::Undercollateralised
		);
		register_in(rid(3), ORIGINATOR, CNY, 1);
		assert_ok!(Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), id, rid(3)));
		System::reset_events();
		assert_ok!(Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id));
		let record = pool(id);
		assert_eq!(record.status, PoolStatus::Issued);
		assert_eq!((record.senior.principal, record.junior.principal), (80_000, 20_000));
		assert_eq!(units(id, Tranche::Senior, ORIGINATOR), 800);
		assert_eq!(units(id, Tranche::Junior, ORIGINATOR), 200);
		assert_eq!(Securitisation::unit_id(id, Tranche::Junior), Ok(id * 2 + 1));
		assert!(Agenda::<Test>::contains_key(fxchain_primitives::time_key(FIRST, u64::from(id))));
		assert_eq!(
			events(),
			vec![Event::PoolIssued {
				pool: id,
				senior_units: 800,
				senior_unit_face: 100,
				junior_units: 200,
				junior_unit_face: 100,
				pooled: 100_000,
			}]
		);
		// Issued once; no more receivables.
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::WrongStatus
		);
		register_in(rid(4), ORIGINATOR, CNY, 1);
		assert_noop!(
			Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), id, rid(4)),
			Error::<Test>::WrongStatus
		);
	});
}

/// `issue` asks the registry again: a receivable that defaulted since it was pooled stops the
/// issue, and the cover is what is outstanding now plus what was collected since pooling.
#[test]
fn issue_reads_the_registry_again() {
	build_and_execute(|| {
		let id = pool_with(&[(1, 60_000), (2, 40_000)]);
		set_defaulted(rid(2));
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::ReceivableDefaulted
		);
		// Pooled for 100_000, but the registry now says 1 less is owed on receivable 3 (and
		// nothing was collected): the units' face of 100_000 is not covered.
		let second = pool_with(&[(3, 60_000), (4, 40_000)]);
		Registry::mutate(|r| r.get_mut(&rid(3)).unwrap().outstanding = 59_999);
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), second),
			Error::<Test>::Undercollateralised
		);
		// A receivable that left the registry covers nothing.
		let third = pool_with(&[(5, 60_000), (6, 40_000)]);
		Registry::mutate(|r| r.remove(&rid(6)));
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), third),
			Error::<Test>::Undercollateralised
		);
		// A debtor's payment while the pool is open lowers what is owed but the money is in
		// the pool: the cover is unchanged.
		let fourth = pool_with(&[(7, 60_000), (8, 40_000)]);
		collect(rid(7), 10_000);
		assert_ok!(Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), fourth));
	});
}

#[test]
fn an_empty_pool_or_a_stranger_cannot_issue() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::NoReceivables
		);
		register_in(rid(1), ORIGINATOR, CNY, 100_000);
		assert_ok!(Securitisation::add_receivable(RuntimeOrigin::signed(ORIGINATOR), id, rid(1)));
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(INV1), id),
			Error::<Test>::NotOriginator
		);
		// An originator whose credential lapsed acts no more.
		Profiles::mutate(|p| p.remove(&ORIGINATOR));
		assert_noop!(
			Securitisation::issue(RuntimeOrigin::signed(ORIGINATOR), id),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn the_pool_view_shows_receivables_tranches_holders_and_cash() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		buy(id, INV1, Tranche::Senior, 300);
		collect(rid(1), 7_000);
		let view = Securitisation::pool_view(id).unwrap();
		assert_eq!(view.cash, 7_000);
		assert_eq!(view.pool.collected, 7_000);
		assert_eq!(view.receivables.len(), 1);
		assert_eq!(view.receivables[0].1.as_ref().unwrap().outstanding, 93_000);
		assert_eq!(view.senior.supply, 800);
		assert_eq!(view.junior.unit_id, 1);
		assert_eq!(
			view.holders,
			vec![
				HolderView { account: ORIGINATOR, senior_units: 500, junior_units: 200, owed: 0 },
				HolderView { account: INV1, senior_units: 300, junior_units: 0, owed: 0 },
			]
		);
		assert_eq!(Securitisation::pool_ids(), vec![id]);
		assert!(Securitisation::pool_view(id + 1).is_none());
	});
}
