//! Automatic rent collection: the agenda, retries, and the bound on a block's work.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{forex::Amount, supervision::DAY, Moment};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

// Helpers of this file.

/// Equal-principal terms: CNY 120,000.00 over 12 monthly instalments at 1% a period (rent of
/// instalment 1: 1,000,000 + 120,000 = 1,120,000; of instalment 2: 1,110,000), deposit CNY
/// 10,000.00, late fee 0.05% a day capped at 10%, the default trigger, 2% early fee, title
/// for CNY 1.00.
fn level_terms() -> Terms {
	Terms {
		currency: CNY,
		principal: 12_000_000,
		rate: Perbill::from_percent(1),
		instalments: 12,
		period: MONTH,
		method: Method::EqualPrincipal,
		deposit: 1_000_000,
		late_fee: Perbill::from_parts(500_000),
		late_fee_cap: Perbill::from_percent(10),
		grace: 15 * DAY,
		trigger: DefaultTrigger::default(),
		early_fee: Perbill::from_percent(2),
		end: EndOption::Purchase { price: 100 },
	}
}

/// `level_terms()` with another period.
fn every(period: Moment) -> Terms {
	Terms { period, ..level_terms() }
}

const RENT_1: Amount = 1_120_000;
const RENT_2: Amount = 1_110_000;

const HOUR: Moment = 3_600_000;

/// More lessees, verified by `lease_on`.
const LESSEE_2: u64 = 21;
const LESSEE_3: u64 = 22;
const LESSEE_4: u64 = 23;
const LESSEE_5: u64 = 24;

/// `LESSOR` leases the asset `H256::repeat_byte(key)` to `lessee` (verified here) on `terms`;
/// the lessee, funded with the deposit and `extra`, signs now. Returns the lease's number.
fn lease_on(lessee: u64, key: u8, extra: Amount, terms: Terms) -> LeaseId {
	Profiles::mutate(|profiles| {
		profiles.insert(lessee, profile(lessee, *b"CN"));
	});
	fund(lessee, terms.deposit + extra);
	let asset = H256::repeat_byte(key);
	assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), asset, H256::zero()));
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), lessee, asset, terms));
	let hash = Leases::<Test>::get(id).unwrap().schedule_hash;
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(lessee), id, hash));
	id
}

/// A lease on `level_terms()`, as `lease_on`.
fn lease_to(lessee: u64, key: u8, extra: Amount) -> LeaseId {
	lease_on(lessee, key, extra, level_terms())
}

/// As `lease_on`, with automatic payment turned on.
fn auto_lease_on(lessee: u64, key: u8, extra: Amount, terms: Terms) -> LeaseId {
	let id = lease_on(lessee, key, extra, terms);
	assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(lessee), id, true));
	id
}

/// As `lease_to`, with automatic payment turned on.
fn auto_lease(lessee: u64, key: u8, extra: Amount) -> LeaseId {
	auto_lease_on(lessee, key, extra, level_terms())
}

/// The lease.
fn lease(id: LeaseId) -> Lease<u64> {
	Leases::<Test>::get(id).unwrap()
}

/// The whole agenda, in the order the collection reads it: (when, lease).
fn agenda() -> Vec<(Moment, LeaseId)> {
	Agenda::<Test>::iter_keys()
		.map(|key| {
			let (time, lease) = key.split_at(8);
			(
				Moment::from_be_bytes(time.try_into().unwrap()),
				LeaseId::from_be_bytes(lease.try_into().unwrap()),
			)
		})
		.collect()
}

/// Whether lease `id` has an agenda entry at `at`.
fn on_agenda(at: Moment, id: LeaseId) -> bool {
	Agenda::<Test>::contains_key(fxchain_primitives::time_key(at, id))
}

/// The pallet's events so far.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Leasing(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The instalments whose `RentPaid` was emitted, by lease, in order.
fn rent_paid() -> Vec<(LeaseId, u16)> {
	events()
		.into_iter()
		.filter_map(|event| match event {
			Event::RentPaid { lease, instalment, .. } => Some((lease, instalment)),
			_ => None,
		})
		.collect()
}

/// Whether any collection paid or failed.
fn anything_collected() -> bool {
	events()
		.iter()
		.any(|event| matches!(event, Event::RentPaid { .. } | Event::CollectionFailed { .. }))
}

/// The reference of the ledger's latest transfer.
fn last_reference() -> H256 {
	H256::from_low_u64_be(NextReference::get() - 1)
}

/// Run the next block at `now` (see `run_to`) and check the pallet's invariants after it.
fn block_at(now: Moment) {
	run_to(now);
	Leasing::do_try_state().expect("the leasing invariants hold after every block");
}

/// Whether the agenda's first entry is due at `now`.
fn due_at(now: Moment) -> bool {
	agenda().first().is_some_and(|(at, _)| *at <= now)
}

/// When instalment 1 and 2 of a monthly lease signed at `START` fall due.
const DUE_1: Moment = START + MONTH;
const DUE_2: Moment = START + 2 * MONTH;

// The agenda.

#[test]
fn turning_auto_pay_on_puts_the_lease_on_the_agenda() {
	build_and_execute(|| {
		let id = lease_to(LESSEE, 1, 0);
		assert!(agenda().is_empty());
		assert_noop!(
			Leasing::set_auto_pay(RuntimeOrigin::signed(LESSOR), id, true),
			Error::<Test>::NotLessee
		);
		assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(LESSEE), id, true));
		System::assert_last_event(Event::AutoPaySet { lease: id, enabled: true }.into());
		let record = lease(id);
		assert_eq!((record.auto_pay, record.collect_at), (true, Some(DUE_1)));
		assert!(on_agenda(DUE_1, id));
		assert_eq!(agenda(), vec![(DUE_1, id)]);

		// Turning it on again leaves the one entry.
		assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(LESSEE), id, true));
		assert_eq!(lease(id).collect_at, Some(DUE_1));
		assert_eq!(agenda(), vec![(DUE_1, id)]);
	});
}

#[test]
fn due_rent_is_collected_and_the_next_instalment_scheduled() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1 + RENT_2);
		// Not before it falls due.
		block_at(DUE_1 - 1);
		assert_eq!(lease(id).paid, 0);
		assert!(Transfers::get().is_empty());

		block_at(DUE_1);
		System::assert_last_event(
			Event::RentPaid {
				lease: id,
				instalment: 1,
				rent: RENT_1,
				late_fee: 0,
				reference: last_reference(),
			}
			.into(),
		);
		let record = lease(id);
		assert_eq!((record.paid, record.collect_at), (1, Some(DUE_2)));
		assert_eq!(agenda(), vec![(DUE_2, id)]);
		assert_eq!((free(LESSEE), free(LESSOR)), (RENT_2, RENT_1));

		// A month later, the second.
		block_at(DUE_2 - 1);
		assert_eq!(rent_paid(), vec![(id, 1)]);
		block_at(DUE_2);
		assert_eq!(rent_paid(), vec![(id, 1), (id, 2)]);
		assert_eq!(lease(id).collect_at, Some(START + 3 * MONTH));
		assert_eq!(agenda(), vec![(START + 3 * MONTH, id)]);
		assert_eq!(free(LESSEE), 0);
	});
}

#[test]
fn a_collection_without_funds_is_retried_a_day_later() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, 0);
		block_at(DUE_1);
		// The ledger's "insufficient balance" (an `Other` error, whose text events do not
		// keep).
		assert!(matches!(
			events().last(),
			Some(Event::CollectionFailed { lease, error: DispatchError::Other(_), retry_at })
				if *lease == id && *retry_at == DUE_1 + DAY
		));
		let record = lease(id);
		assert_eq!((record.paid, record.collect_at), (0, Some(DUE_1 + DAY)));
		assert_eq!(agenda(), vec![(DUE_1 + DAY, id)]);

		// Funded, the lease waits for its retry...
		fund(LESSEE, RENT_1 + 560);
		block_at(DUE_1 + DAY - 1);
		assert_eq!(lease(id).paid, 0);
		assert!(rent_paid().is_empty());
		// ... at which rent is collected with one day's late fee: ⌊1,120,000 × 1 × 0.05%⌋ =
		// 560, and the next instalment is scheduled.
		block_at(DUE_1 + DAY);
		System::assert_last_event(
			Event::RentPaid {
				lease: id,
				instalment: 1,
				rent: RENT_1,
				late_fee: 560,
				reference: last_reference(),
			}
			.into(),
		);
		assert_eq!((lease(id).paid, free(LESSEE), free(LESSOR)), (1, 0, RENT_1 + 560));
		assert_eq!(agenda(), vec![(DUE_2, id)]);
	});
}

#[test]
fn a_lease_whose_lessee_turned_auto_pay_off_is_not_collected() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1);
		assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(LESSEE), id, false));
		System::assert_last_event(Event::AutoPaySet { lease: id, enabled: false }.into());
		assert!(agenda().is_empty());

		block_at(DUE_1);
		let record = lease(id);
		assert_eq!((record.paid, record.auto_pay, record.collect_at), (0, false, None));
		assert!(Transfers::get().is_empty());
		assert!(agenda().is_empty());
		assert_eq!(free(LESSEE), RENT_1);
		assert!(!anything_collected());

		// Turned on again, the overdue instalment is collected in the next block (less than a
		// day late: no fee).
		assert_ok!(Leasing::set_auto_pay(RuntimeOrigin::signed(LESSEE), id, true));
		assert_eq!(agenda(), vec![(DUE_1, id)]);
		block_at(DUE_1 + 6_000);
		assert_eq!(rent_paid(), vec![(id, 1)]);
		assert_eq!((lease(id).fees_paid, free(LESSEE)), (0, 0));
	});
}

#[test]
fn a_lease_paid_by_hand_is_not_collected_twice() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1 + RENT_2);
		// The lessee pays instalment 1 ahead.
		block_at(START + DAY);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(lease(id).paid, 1);

		// At its due time the collection takes nothing and waits for instalment 2.
		block_at(DUE_1);
		assert_eq!(Transfers::get().len(), 1);
		assert!(!events().iter().any(|event| matches!(event, Event::CollectionFailed { .. })));
		assert_eq!((lease(id).paid, lease(id).collect_at), (1, Some(DUE_2)));
		assert_eq!(agenda(), vec![(DUE_2, id)]);

		block_at(DUE_2);
		assert_eq!(rent_paid(), vec![(id, 1), (id, 2)]);
		assert_eq!(free(LESSEE), 0);
	});
}

// Bounded work, earliest due first.

#[test]
fn one_block_collects_at_most_two_leases_earliest_due_first() {
	build_and_execute(|| {
		// Lease 0, signed first, falls due last: its period is two months.
		// (Funded for a late fee too.)
		let late = auto_lease_on(LESSEE, 1, 2 * RENT_1, every(2 * MONTH));
		block_at(START + HOUR);
		let a = auto_lease(LESSEE_2, 2, 2 * RENT_1);
		block_at(START + 2 * HOUR);
		let b = auto_lease(LESSEE_3, 3, 2 * RENT_1);
		assert_eq!(
			agenda(),
			vec![(DUE_1 + HOUR, a), (DUE_1 + 2 * HOUR, b), (START + 2 * MONTH, late)]
		);

		// All three are due; one block collects the two earliest.
		block_at(START + 2 * MONTH);
		assert_eq!(rent_paid(), vec![(a, 1), (b, 1)]);
		assert_eq!(lease(late).paid, 0);
		assert_eq!(agenda().first(), Some(&(START + 2 * MONTH, late)));

		// The next block, the third.
		block_at(START + 2 * MONTH + 6_000);
		assert_eq!(rent_paid(), vec![(a, 1), (b, 1), (late, 1)]);
		assert_eq!(
			agenda(),
			vec![(DUE_2 + HOUR, a), (DUE_2 + 2 * HOUR, b), (START + 4 * MONTH, late)]
		);
		assert!(!due_at(Now::get()));
	});
}

#[test]
fn overdue_instalments_are_collected_one_per_block_earliest_first() {
	build_and_execute(|| {
		// `a` pays monthly from `START`; `b` and `c`, signed an hour later, every two months.
		let a = auto_lease(LESSEE, 1, RENT_1 + RENT_2 + 16_800);
		block_at(START + HOUR);
		let b = auto_lease_on(LESSEE_2, 2, RENT_1, every(2 * MONTH));
		let c = auto_lease_on(LESSEE_3, 3, RENT_1, every(2 * MONTH));
		let due_b = START + HOUR + 2 * MONTH;

		// No block for two months: `a` has two instalments overdue, `b` and `c` one.
		let now = due_b + HOUR;
		block_at(now);
		// Instalment 1 of `a` (30 days late: ⌊1,120,000 × 30 × 0.05%⌋ = 16,800) and `b`.
		assert_eq!(rent_paid(), vec![(a, 1), (b, 1)]);
		assert_eq!(lease(a).fees_paid, 16_800);
		// `a` is back at its next due time, already past, ahead of `c`.
		assert_eq!(lease(a).collect_at, Some(DUE_2));
		assert_eq!(agenda()[..2], [(DUE_2, a), (due_b, c)]);

		block_at(now);
		assert_eq!(rent_paid(), vec![(a, 1), (b, 1), (a, 2), (c, 1)]);
		assert_eq!(lease(a).collect_at, Some(START + 3 * MONTH));

		// Caught up: the next block collects nothing.
		assert!(!due_at(now));
		block_at(now);
		assert_eq!(rent_paid().len(), 4);
		assert_eq!(
			agenda(),
			vec![(START + 3 * MONTH, a), (due_b + 2 * MONTH, b), (due_b + 2 * MONTH, c)]
		);
		assert_eq!((free(LESSEE), free(LESSEE_2), free(LESSEE_3)), (0, 0, 0));
	});
}

#[test]
fn after_months_without_blocks_every_lease_is_collected_up_to_now() {
	build_and_execute(|| {
		let extra = 15_000_000;
		let leases = [
			auto_lease(LESSEE, 1, extra),
			{
				block_at(START + HOUR);
				auto_lease(LESSEE_2, 2, extra)
			},
			{
				block_at(START + 2 * HOUR);
				auto_lease_on(LESSEE_3, 3, extra, every(2 * MONTH))
			},
			{
				block_at(START + 3 * HOUR);
				auto_lease(LESSEE_4, 4, extra)
			},
			{
				// Twelve instalments every 15 days: all fall due by `now`, and it matures.
				block_at(START + 4 * HOUR);
				auto_lease_on(LESSEE_5, 5, extra, every(15 * DAY))
			},
		];
		// 6 + 6 + 3 + 6 + 12 instalments fall due by `now`.
		let now = START + 6 * MONTH + DAY;
		let expected: Vec<u16> = leases
			.iter()
			.map(|id| {
				let record = lease(*id);
				schedule::count_due(record.start, record.terms.period, 12, now)
			})
			.collect();
		assert_eq!(expected, vec![6, 6, 3, 6, 12]);

		let mut blocks = 0;
		while due_at(now) {
			let before = rent_paid().len();
			block_at(now);
			blocks += 1;
			let collected = rent_paid().len() - before;
			assert!((1..=2).contains(&collected), "block {blocks} collected {collected}");
			assert!(blocks < 100, "the agenda does not catch up");
		}
		assert!(!events().iter().any(|event| matches!(event, Event::CollectionFailed { .. })));
		assert_eq!(rent_paid().len(), 33);

		for (id, paid) in leases.iter().zip(expected) {
			let view = Leasing::lease_view(*id).expect("the lease is open");
			assert_eq!(view.lease.paid, paid, "lease {id}");
			assert_eq!(view.arrears, Arrears::default(), "lease {id} is paid up");
			let next = (paid < 12)
				.then(|| schedule::due(view.lease.start, view.lease.terms.period, paid + 1));
			assert_eq!(view.lease.collect_at, next, "lease {id}");
			assert!(next.is_none_or(|at| at > now));
		}
		assert_eq!(lease(leases[4]).status, LeaseStatus::Matured);
		assert_eq!(agenda().len(), 4);
		assert!(!due_at(now));
	});
}

// Closing and holds.

#[test]
fn closing_a_lease_takes_it_off_the_agenda() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, 12_000_000);
		let other = auto_lease(LESSEE_2, 2, RENT_1);
		assert_eq!(agenda(), vec![(DUE_1, id), (DUE_1, other)]);

		block_at(START + 15 * DAY);
		assert_ok!(Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id));
		assert!(!Leases::<Test>::contains_key(id));
		assert!(!on_agenda(DUE_1, id));
		assert_eq!(agenda(), vec![(DUE_1, other)]);

		block_at(DUE_1);
		assert_eq!(rent_paid(), vec![(other, 1)]);
		assert!(!events()
			.iter()
			.any(|event| matches!(event, Event::CollectionFailed { lease, .. } if *lease == id)));
	});
}

#[test]
fn a_lease_in_review_is_not_collected_and_returns_to_the_agenda_when_returned() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1);
		// The lessee pays instalment 1 ahead; supervision holds the payment.
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let reference = last_reference();
		Mode::set(Supervision::Execute);

		block_at(DUE_1);
		assert_eq!(Transfers::get().len(), 1);
		assert!(!anything_collected());
		let record = lease(id);
		assert_eq!((record.paid, record.in_review, record.collect_at), (0, Some(reference), None));
		assert!(agenda().is_empty());

		// Returned, the lease goes back on the agenda at its due time, already past, and the
		// next block collects it (less than a day late: no fee).
		conclude(reference, false);
		assert_eq!(lease(id).collect_at, Some(DUE_1));
		assert_eq!(agenda(), vec![(DUE_1, id)]);
		block_at(DUE_1 + 6_000);
		System::assert_last_event(
			Event::RentPaid {
				lease: id,
				instalment: 1,
				rent: RENT_1,
				late_fee: 0,
				reference: last_reference(),
			}
			.into(),
		);
		assert_eq!((lease(id).paid, free(LESSEE)), (1, 0));
		assert_eq!(agenda(), vec![(DUE_2, id)]);
	});
}

#[test]
fn a_lease_in_review_returns_to_the_agenda_for_its_next_instalment_when_released() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1);
		Mode::set(Supervision::Hold);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		let reference = last_reference();
		Mode::set(Supervision::Execute);

		block_at(DUE_1);
		assert!(!anything_collected());
		assert!(agenda().is_empty());

		// Released, instalment 1 is paid and the lease waits for instalment 2.
		conclude(reference, true);
		assert_eq!(rent_paid(), vec![(id, 1)]);
		assert_eq!((lease(id).paid, lease(id).collect_at), (1, Some(DUE_2)));
		assert_eq!(agenda(), vec![(DUE_2, id)]);
		block_at(DUE_1 + 6_000);
		assert_eq!(Transfers::get().len(), 1);
		assert_eq!(rent_paid(), vec![(id, 1)]);
	});
}

#[test]
fn a_collection_held_for_review_leaves_the_agenda_until_the_decision() {
	build_and_execute(|| {
		let id = auto_lease(LESSEE, 1, RENT_1);
		Mode::set(Supervision::Hold);
		block_at(DUE_1);
		let reference = last_reference();
		System::assert_last_event(
			Event::PaymentHeld { lease: id, reference, amount: RENT_1 }.into(),
		);
		let record = lease(id);
		assert_eq!((record.paid, record.in_review, record.collect_at), (0, Some(reference), None));
		assert!(agenda().is_empty());
		Mode::set(Supervision::Execute);

		// Nothing happens to it meanwhile.
		block_at(DUE_1 + DAY);
		assert_eq!(Transfers::get().len(), 1);

		conclude(reference, true);
		assert_eq!(rent_paid(), vec![(id, 1)]);
		assert_eq!(agenda(), vec![(DUE_2, id)]);
	});
}
