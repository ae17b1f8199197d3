//! Reports: filed when the forex pallet acts on a decision, reviewed by supervisors, listed
//! with filters and pages, pruned after the retention period.

use super::*;

/// A cash deposit at the threshold into `who`'s account at `at`: one `LargeValueCash` report.
fn cash_report(who: u64, at: Moment) -> Movement<u64> {
	Now::set(at);
	let mut m = deposit(who, CNY, cny(50_000));
	m.reference = reference(u8::try_from(at % 251).unwrap());
	assert_eq!(check(&m), report(&[Reason::LargeValueCash]));
	decided(&m, false);
	m
}

pub(super) fn query() -> ReportQuery<u64> {
	ReportQuery {
		rule: None,
		party: None,
		status: None,
		since: None,
		until: None,
		after: None,
		limit: MAX_PAGE,
	}
}

/// The ids on the page, and the cursor.
fn ids(query: ReportQuery<u64>) -> (Vec<u64>, Option<u64>) {
	let page = Supervision::reports(query);
	(page.reports.into_iter().map(|(id, _)| id).collect(), page.next)
}

fn status_index(status: ReportStatus) -> Vec<u64> {
	let mut ids: Vec<u64> = ReportsByStatus::<Test>::iter_prefix(status)
		.map(|(key, ())| u64::from_be_bytes(key))
		.collect();
	ids.sort();
	ids
}

#[test]
fn an_executed_movement_files_its_reports_and_counts() {
	build_and_execute(|| {
		let m = cash_report(ALICE, START);
		assert_eq!(
			Reports::<Test>::get(0),
			Some(Report {
				reference: m.reference,
				rule: Reason::LargeValueCash,
				party: ALICE,
				person: person(ALICE),
				counterparty: None,
				kind: MovementKind::Deposit,
				currency: CNY,
				amount: cny(50_000),
				usd: None,
				at: START,
				status: ReportStatus::Open,
				note: None,
			})
		);
		assert_eq!(ReportBounds::<Test>::get(), (0, 1));
		assert!(ReportsByParty::<Test>::contains_key(ALICE, 0u64.to_be_bytes()));
		assert!(ReportsByRule::<Test>::contains_key(Reason::LargeValueCash, 0u64.to_be_bytes()));
		assert_eq!(status_index(ReportStatus::Open), vec![0]);
		assert_eq!(
			events(),
			vec![Event::ReportFiled {
				id: 0,
				reference: m.reference,
				rule: Reason::LargeValueCash,
				party: ALICE
			}]
		);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).cash.home, cny(50_000));
	});
}

#[test]
fn a_report_records_the_usd_value_when_there_is_a_rate() {
	build_and_execute(|| {
		let m = withdrawal(BOB, HKD, 7_812_500);
		decided(&m, false);
		let filed = Reports::<Test>::get(0).unwrap();
		assert_eq!(
			(filed.usd, filed.kind, filed.party),
			(Some(usd(10_000)), MovementKind::Withdrawal, BOB)
		);
	});
}

#[test]
fn a_held_movement_is_reported_when_held_and_counted_when_released() {
	build_and_execute(|| {
		let m = deposit(ALICE, CNY, cny(60_000));
		decided(&m, true);
		assert_eq!(Reports::<Test>::get(0).unwrap().rule, Reason::LargeValueCash);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)), DayTotals::default());
		assert_eq!(events().len(), 1);

		released(&m);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)).cash.home, cny(60_000));
		// No second report.
		assert_eq!(ReportBounds::<Test>::get(), (0, 1));
		assert_eq!(events().len(), 1);
	});
}

#[test]
fn an_allowed_movement_files_nothing() {
	build_and_execute(|| {
		decided(&payment(ALICE, BOB, CNY, cny(100)), false);
		assert_eq!(ReportBounds::<Test>::get(), (0, 0));
		assert!(events().is_empty());
	});
}

#[test]
fn a_supervisor_acknowledges_an_open_report_once() {
	build_and_execute(|| {
		cash_report(ALICE, START);
		System::reset_events();
		let note = Some(case(9));
		assert_ok!(Supervision::acknowledge_report(supervisor(), 0, note));
		let filed = Reports::<Test>::get(0).unwrap();
		assert_eq!((filed.status, filed.note), (ReportStatus::Acknowledged, note));
		assert_eq!(status_index(ReportStatus::Open), Vec::<u64>::new());
		assert_eq!(status_index(ReportStatus::Acknowledged), vec![0]);
		assert_eq!(
			events(),
			vec![Event::ReportReviewed {
				id: 0,
				old: ReportStatus::Open,
				new: ReportStatus::Acknowledged,
				note
			}]
		);
		assert_noop!(
			Supervision::acknowledge_report(supervisor(), 0, None),
			Error::<Test>::AlreadyReviewed
		);
	});
}

#[test]
fn a_supervisor_escalates_an_open_or_acknowledged_report_once() {
	build_and_execute(|| {
		cash_report(ALICE, START);
		cash_report(BOB, START + 1);
		assert_ok!(Supervision::escalate_report(supervisor(), 0, None));
		assert_ok!(Supervision::acknowledge_report(supervisor(), 1, None));
		assert_ok!(Supervision::escalate_report(supervisor(), 1, Some(case(8))));
		assert_eq!(status_index(ReportStatus::Escalated), vec![0, 1]);
		assert_eq!(status_index(ReportStatus::Acknowledged), Vec::<u64>::new());
		assert_eq!(Reports::<Test>::get(1).unwrap().note, Some(case(8)));
		assert_eq!(
			events().last(),
			Some(&Event::ReportReviewed {
				id: 1,
				old: ReportStatus::Acknowledged,
				new: ReportStatus::Escalated,
				note: Some(case(8))
			})
		);
		for id in [0, 1] {
			assert_noop!(
				Supervision::escalate_report(supervisor(), id, None),
				Error::<Test>::AlreadyReviewed
			);
			assert_noop!(
				Supervision::acknowledge_report(supervisor(), id, None),
				Error::<Test>::AlreadyReviewed
			);
		}
	});
}

#[test]
fn only_supervisors_review_existing_reports() {
	build_and_execute(|| {
		cash_report(ALICE, START);
		for origin in [root(), RuntimeOrigin::signed(ALICE)] {
			assert_noop!(
				Supervision::acknowledge_report(origin.clone(), 0, None),
				DispatchError::BadOrigin
			);
			assert_noop!(Supervision::escalate_report(origin, 0, None), DispatchError::BadOrigin);
		}
		assert_noop!(
			Supervision::acknowledge_report(supervisor(), 1, None),
			Error::<Test>::ReportNotFound
		);
		assert_noop!(
			Supervision::escalate_report(supervisor(), 1, None),
			Error::<Test>::ReportNotFound
		);
	});
}

/// Five reports: 0 ALICE cash, 1 BOB cash (acknowledged), 2 ALICE and 3 BOB individual
/// domestic, 4 ALICE cash, an hour apart from `START`.
pub(super) fn five_reports() {
	cash_report(ALICE, START);
	cash_report(BOB, START + HOUR);
	Now::set(START + 2 * HOUR);
	decided(&payment(ALICE, BOB, CNY, cny(500_000)), false);
	cash_report(ALICE, START + 3 * HOUR);
	assert_ok!(Supervision::acknowledge_report(supervisor(), 1, None));
	assert_eq!(ReportBounds::<Test>::get(), (0, 5));
}

#[test]
fn reports_are_listed_oldest_first_and_filtered() {
	build_and_execute(|| {
		five_reports();
		let cash = Some(Reason::LargeValueCash);
		assert_eq!(ids(query()), (vec![0, 1, 2, 3, 4], None));
		assert_eq!(ids(ReportQuery { party: Some(ALICE), ..query() }), (vec![0, 2, 4], None));
		assert_eq!(ids(ReportQuery { party: Some(BOB), ..query() }), (vec![1, 3], None));
		assert_eq!(ids(ReportQuery { party: Some(STRANGER), ..query() }), (vec![], None));
		assert_eq!(ids(ReportQuery { rule: cash, ..query() }), (vec![0, 1, 4], None));
		assert_eq!(
			ids(ReportQuery { rule: Some(Reason::LargeValueIndividualDomestic), ..query() }),
			(vec![2, 3], None)
		);
		let open = Some(ReportStatus::Open);
		assert_eq!(ids(ReportQuery { status: open, ..query() }), (vec![0, 2, 3, 4], None));
		assert_eq!(
			ids(ReportQuery { status: Some(ReportStatus::Acknowledged), ..query() }),
			(vec![1], None)
		);
		// Filters combine.
		assert_eq!(
			ids(ReportQuery { party: Some(ALICE), rule: cash, ..query() }),
			(vec![0, 4], None)
		);
		assert_eq!(ids(ReportQuery { party: Some(BOB), status: open, ..query() }), (vec![3], None));
		assert_eq!(ids(ReportQuery { rule: cash, status: open, ..query() }), (vec![0, 4], None));
		// The reports themselves come along.
		let page = Supervision::reports(ReportQuery { party: Some(BOB), ..query() });
		assert_eq!(page.reports[1].1, Reports::<Test>::get(3).unwrap());
	});
}

#[test]
fn reports_are_listed_by_time() {
	build_and_execute(|| {
		five_reports();
		let since = |at| ReportQuery { since: Some(at), ..query() };
		assert_eq!(ids(since(START + HOUR)), (vec![1, 2, 3, 4], None));
		assert_eq!(ids(since(START + HOUR + 1)), (vec![2, 3, 4], None));
		assert_eq!(ids(since(START + 4 * HOUR)), (vec![], None));
		let until = |at| ReportQuery { until: Some(at), ..query() };
		assert_eq!(ids(until(START + 2 * HOUR)), (vec![0, 1], None));
		assert_eq!(ids(until(START)), (vec![], None));
		assert_eq!(
			ids(ReportQuery {
				since: Some(START + HOUR),
				until: Some(START + 3 * HOUR),
				..query()
			}),
			(vec![1, 2, 3], None)
		);
		assert_eq!(
			ids(ReportQuery { party: Some(ALICE), since: Some(START + HOUR), ..query() }),
			(vec![2, 4], None)
		);
		assert_eq!(
			ids(ReportQuery { party: Some(BOB), until: Some(START + 2 * HOUR), ..query() }),
			(vec![1], None)
		);
		assert_eq!(
			ids(ReportQuery {
				rule: Some(Reason::LargeValueCash),
				since: Some(START + 1),
				until: Some(START + 3 * HOUR + 1),
				..query()
			}),
			(vec![1, 4], None)
		);
	});
}

#[test]
fn reports_come_in_pages_with_a_cursor() {
	build_and_execute(|| {
		five_reports();
		let page = |after, limit| ReportQuery { after, limit, ..query() };
		assert_eq!(ids(page(None, 2)), (vec![0, 1], Some(1)));
		assert_eq!(ids(page(Some(1), 2)), (vec![2, 3], Some(3)));
		assert_eq!(ids(page(Some(3), 2)), (vec![4], None));
		// Exactly a page left: no cursor.
		assert_eq!(ids(page(Some(2), 2)), (vec![3, 4], None));
		// A limit of 0 returns one; beyond the end, nothing.
		assert_eq!(ids(page(None, 0)), (vec![0], Some(0)));
		assert_eq!(ids(page(Some(4), 2)), (vec![], None));
		assert_eq!(ids(page(Some(u64::MAX), 2)), (vec![], None));

		// Through a party's index.
		let alice = |after| ReportQuery { party: Some(ALICE), after, limit: 1, ..query() };
		assert_eq!(ids(alice(None)), (vec![0], Some(0)));
		assert_eq!(ids(alice(Some(0))), (vec![2], Some(2)));
		assert_eq!(ids(alice(Some(2))), (vec![4], None));
		// Through the rule and status indices.
		let cash =
			|after| ReportQuery { rule: Some(Reason::LargeValueCash), after, limit: 2, ..query() };
		assert_eq!(ids(cash(None)), (vec![0, 1], Some(1)));
		assert_eq!(ids(cash(Some(1))), (vec![4], None));
		let open =
			|after| ReportQuery { status: Some(ReportStatus::Open), after, limit: 3, ..query() };
		assert_eq!(ids(open(None)), (vec![0, 2, 3], Some(3)));
		assert_eq!(ids(open(Some(3))), (vec![4], None));
	});
}

#[test]
fn listing_reports_writes_nothing() {
	build_and_execute(|| {
		five_reports();
		let root = storage_root();
		let _ = Supervision::reports(ReportQuery { since: Some(START + 1), ..query() });
		let _ = Supervision::reports(ReportQuery { party: Some(ALICE), limit: 1, ..query() });
		assert_eq!(storage_root(), root);
	});
}

#[test]
fn the_oldest_report_is_pruned_after_the_retention_period() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::ReportRetention(DAY)));
		cash_report(ALICE, START);
		cash_report(BOB, START + HOUR);
		assert_ok!(Supervision::acknowledge_report(supervisor(), 0, None));

		Now::set(START + DAY - 1);
		assert!(!Supervision::prune_oldest_report());
		assert_eq!(ReportBounds::<Test>::get(), (0, 2));

		Now::set(START + DAY);
		assert!(Supervision::prune_oldest_report());
		assert_eq!(Reports::<Test>::get(0), None);
		assert_eq!(ReportBounds::<Test>::get(), (1, 2));
		assert!(!ReportsByParty::<Test>::contains_key(ALICE, 0u64.to_be_bytes()));
		assert!(!ReportsByRule::<Test>::contains_key(Reason::LargeValueCash, 0u64.to_be_bytes()));
		assert_eq!(status_index(ReportStatus::Acknowledged), Vec::<u64>::new());
		// The next is not old enough yet.
		assert!(!Supervision::prune_oldest_report());
		assert_eq!(ids(query()), (vec![1], None));
		assert_eq!(ids(ReportQuery { since: Some(START), ..query() }), (vec![1], None));
		assert_noop!(
			Supervision::acknowledge_report(supervisor(), 0, None),
			Error::<Test>::ReportNotFound
		);

		Now::set(START + DAY + HOUR);
		assert!(Supervision::prune_oldest_report());
		assert_eq!(ReportBounds::<Test>::get(), (2, 2));
		assert!(!Supervision::prune_oldest_report());
		// Ids go on from where they were.
		cash_report(ALICE, START + DAY + HOUR);
		assert_eq!(ReportBounds::<Test>::get(), (2, 3));
		assert_eq!(ids(query()), (vec![2], None));
	});
}

#[test]
fn on_idle_prunes_what_the_spare_weight_allows() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::ReportRetention(DAY)));
		for n in 0..4 {
			cash_report(ALICE, START + n);
		}
		let prune = |n| <() as WeightInfo>::prune_reports(n);
		Now::set(START + DAY + 2);

		// Not enough spare weight for one: nothing is read, pruned or charged.
		assert_eq!(<Supervision as Hooks<u64>>::on_idle(2, Weight::zero()), Weight::zero());
		let short = prune(1) - Weight::from_parts(1, 0);
		assert_eq!(<Supervision as Hooks<u64>>::on_idle(2, short), Weight::zero());
		assert_eq!(ReportBounds::<Test>::get(), (0, 4));
		// Weight for one.
		assert_eq!(<Supervision as Hooks<u64>>::on_idle(2, prune(1)), prune(1));
		assert_eq!(ReportBounds::<Test>::get(), (1, 4));
		// Plenty: all that are old enough (the report at START + 3 is not).
		assert_eq!(<Supervision as Hooks<u64>>::on_idle(3, Weight::MAX), prune(2));
		assert_eq!(ReportBounds::<Test>::get(), (3, 4));
		assert_eq!(ids(query()), (vec![3], None));
		// Nothing old enough: the look costs no more than the spare weight.
		assert_eq!(<Supervision as Hooks<u64>>::on_idle(4, prune(1)), prune(0));
		assert_eq!(ReportBounds::<Test>::get(), (3, 4));
	});
}

#[test]
fn on_idle_never_uses_more_than_the_spare_weight() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::ReportRetention(DAY)));
		for n in 0..3 {
			cash_report(ALICE, START + n);
		}
		Now::set(START + 2 * DAY);
		let one = <() as WeightInfo>::prune_reports(1);
		for remaining in [Weight::zero(), one / 2, one, one * 2, one * 5] {
			let used = <Supervision as Hooks<u64>>::on_idle(2, remaining);
			assert!(remaining.all_gte(used), "used {used:?} of {remaining:?}");
		}
		assert_eq!(ReportBounds::<Test>::get(), (3, 3));
	});
}

#[test]
fn a_page_stops_after_max_scan_entries_with_a_cursor_to_go_on() {
	build_and_execute(|| {
		// BOB's reports, all open but the last, which is escalated.
		let count = u64::from(MAX_SCAN) + 1;
		for n in 0..count {
			Now::set(START + n);
			decided(&deposit(BOB, USD, usd(10_000)), false);
		}
		assert_ok!(Supervision::escalate_report(supervisor(), count - 1, None));
		let escalated = |after| ReportQuery {
			party: Some(BOB),
			status: Some(ReportStatus::Escalated),
			after,
			..query()
		};
		// The first call examines MAX_SCAN reports, finds none, and says where to go on.
		let last_examined = u64::from(MAX_SCAN) - 1;
		assert_eq!(ids(escalated(None)), (vec![], Some(last_examined)));
		assert_eq!(ids(escalated(Some(last_examined))), (vec![count - 1], None));
	});
}

#[test]
fn on_idle_prunes_at_most_max_pruned_per_block() {
	build_and_execute(|| {
		assert_ok!(Supervision::set_rule(root(), Rule::ReportRetention(DAY)));
		let count = u64::from(MAX_PRUNED_PER_BLOCK) + 6;
		for n in 0..count {
			Now::set(START + n);
			decided(&deposit(BOB, USD, usd(10_000)), false);
		}
		Now::set(START + 2 * DAY);
		let weight = <Supervision as Hooks<u64>>::on_idle(2, Weight::MAX);
		assert_eq!(weight, <() as WeightInfo>::prune_reports(MAX_PRUNED_PER_BLOCK));
		assert_eq!(ReportBounds::<Test>::get(), (u64::from(MAX_PRUNED_PER_BLOCK), count));
		<Supervision as Hooks<u64>>::on_idle(3, Weight::MAX);
		assert_eq!(ReportBounds::<Test>::get(), (count, count));
		assert_eq!(Reports::<Test>::iter().count(), 0);
	});
}
