//! The watch list: the rest of the listing year (UTC+8) and `watch_years` more, no quota, no
//! cross-border movement or conversion; supervisors list, governance delists.

use super::*;

#[test]
fn a_listing_lasts_the_rest_of_the_year_and_two_more() {
	build_and_execute(|| {
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		let until = calendar::start_of_year(2029);
		assert_eq!(
			WatchList::<Test>::get(person(ALICE)),
			Some(Listing { listed_at: START, until, case: case(5) })
		);
		assert_eq!(
			events(),
			vec![Event::WatchListed { person: person(ALICE), until, case: case(5) }]
		);
		assert!(Supervision::listed(&person(ALICE), until - 1));
		assert!(!Supervision::listed(&person(ALICE), until));
	});
}

#[test]
fn the_listing_year_is_the_utc8_year() {
	build_and_execute(|| {
		let new_year = calendar::start_of_year(2027);
		// 31 December 2026, 23:59:59.999 in UTC+8: listed until the start of 2029.
		Now::set(new_year - 1);
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		assert_eq!(
			WatchList::<Test>::get(person(ALICE)).unwrap().until,
			calendar::start_of_year(2029)
		);
		// One millisecond later it is 2027 in UTC+8 (still 2026 in UTC): until 2030.
		Now::set(new_year);
		assert_ok!(Supervision::watch_list(supervisor(), person(BOB), case(6)));
		assert_eq!(
			WatchList::<Test>::get(person(BOB)).unwrap().until,
			calendar::start_of_year(2030)
		);
	});
}

#[test]
fn the_number_of_years_is_a_rule() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::WatchYears(0)));
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		assert_eq!(
			WatchList::<Test>::get(person(ALICE)).unwrap().until,
			calendar::start_of_year(2027)
		);
	});
}

#[test]
fn a_listed_person_moves_no_money_across_the_border_and_converts_none() {
	build_and_execute(|| {
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		let listed = deny(&[Reason::WatchListed]);
		// From either of the person's accounts, in either direction.
		assert_eq!(check(&remittance(ALICE, NON_RESIDENT, USD, usd(10))), listed);
		assert_eq!(check(&remittance(NON_RESIDENT, ALICE_2, USD, usd(10))), listed);
		assert_eq!(check(&purchase(ALICE, USD, usd(10))), listed);
		assert_eq!(check(&settlement(ALICE_2, USD, usd(10))), listed);
		// Domestic payments, deposits and withdrawals go on.
		assert_eq!(check(&payment(ALICE, BOB, CNY, cny(10))), Decision::Allow);
		assert_eq!(check(&deposit(ALICE, USD, usd(10))), Decision::Allow);
		assert_eq!(check(&withdrawal(ALICE_2, USD, usd(10))), Decision::Allow);
		// Others are not affected.
		assert_eq!(check(&purchase(BOB, USD, usd(10))), Decision::Allow);
	});
}

#[test]
fn a_listed_person_has_no_quota_until_the_listing_ends() {
	build_and_execute(|| {
		assert_eq!(propose(&purchase(ALICE, USD, usd(1_000))), Decision::Allow);
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		let until = calendar::start_of_year(2029);
		let status = Supervision::quota(&ALICE_2).unwrap();
		assert_eq!(
			status,
			QuotaStatus {
				year: 2026,
				purchase_used: usd(1_000),
				purchase_left: 0,
				settlement_used: 0,
				settlement_left: 0,
				watch_listed_until: Some(until),
			}
		);
		// The last moment of the listing.
		Now::set(until - 1);
		assert_eq!(check(&purchase(ALICE, USD, usd(10))), deny(&[Reason::WatchListed]));
		// The listing is over: a new year's full quota.
		Now::set(until);
		assert_eq!(check(&purchase(ALICE, USD, usd(10))), Decision::Allow);
		let status = Supervision::quota(&ALICE).unwrap();
		assert_eq!(
			(status.year, status.purchase_left, status.watch_listed_until),
			(2029, Rules::<Test>::get().purchase_quota, None)
		);
	});
}

#[test]
fn a_person_is_listed_once_at_a_time() {
	build_and_execute(|| {
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(5)));
		assert_noop!(
			Supervision::watch_list(supervisor(), person(ALICE), case(6)),
			Error::<Test>::AlreadyListed
		);
		// Once the listing ran out, a new one replaces it.
		Now::set(calendar::start_of_year(2029));
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(6)));
		let listing = WatchList::<Test>::get(person(ALICE)).unwrap();
		assert_eq!((listing.case, listing.until), (case(6), calendar::start_of_year(2032)));
	});
}

#[test]
fn only_supervisors_list_and_only_governance_delists() {
	build_and_execute(|| {
		for origin in [root(), RuntimeOrigin::signed(ALICE)] {
			assert_noop!(
				Supervision::watch_list(origin, person(BOB), case(5)),
				DispatchError::BadOrigin
			);
		}
		assert_ok!(Supervision::watch_list(supervisor(), person(BOB), case(5)));
		assert_noop!(
			Supervision::remove_from_watch_list(supervisor(), person(BOB)),
			DispatchError::BadOrigin
		);
		assert_ok!(Supervision::remove_from_watch_list(root(), person(BOB)));
		assert_eq!(WatchList::<Test>::get(person(BOB)), None);
		assert_eq!(events().last(), Some(&Event::WatchListRemoved { person: person(BOB) }));
		assert_eq!(check(&purchase(BOB, USD, usd(10))), Decision::Allow);
		assert_eq!(Supervision::quota(&BOB).unwrap().watch_listed_until, None);
		assert_noop!(
			Supervision::remove_from_watch_list(root(), person(BOB)),
			Error::<Test>::NotListed
		);
	});
}

#[test]
fn governance_clears_a_listing_that_ran_out() {
	build_and_execute(|| {
		assert_ok!(Supervision::watch_list(supervisor(), person(BOB), case(5)));
		Now::set(calendar::start_of_year(2030));
		assert_ok!(Supervision::remove_from_watch_list(root(), person(BOB)));
		assert_eq!(WatchList::<Test>::get(person(BOB)), None);
	});
}
