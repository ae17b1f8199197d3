//! Default: the trigger, the demand notice, the grace period and the cure; the remedies:
//! acceleration and termination with their settlements.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{
	forex::{Amount, Purpose},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::Perbill;

// Helpers of this file.

/// Equal-principal terms: `instalments` monthly instalments of CNY 10,000.00 principal each at
/// 1% a month, deposit CNY 10,000.00, late fee 0.05% a day capped at 10%, 15 days' grace, the
/// default trigger (2 instalments or 15%), 2% early fee, title for CNY 1.00.
///
/// Instalment `k` repays 1,000,000 and interest `1% × (instalments − k + 1) × 1,000,000`.
fn level_terms(instalments: u16) -> Terms {
	Terms {
		currency: CNY,
		principal: 1_000_000 * Amount::from(instalments),
		rate: Perbill::from_percent(1),
		instalments,
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

/// Terms whose trigger is the 15% share alone (10 instalments can never be overdue on an
/// 8-instalment lease): `principal` over 8 equal-principal instalments at 12.5% a period.
fn share_terms(principal: Amount) -> Terms {
	Terms {
		principal,
		rate: Perbill::from_parts(125_000_000),
		instalments: 8,
		trigger: DefaultTrigger { instalments: 10, share: Perbill::from_percent(15) },
		..level_terms(8)
	}
}

/// `LESSOR` registers `key` and leases it to `LESSEE` on `terms`; the lessee, funded with the
/// deposit and `extra`, signs now. Returns the lease's number.
fn signed_lease(key: H256, terms: Terms, extra: Amount) -> LeaseId {
	fund(LESSEE, terms.deposit + extra);
	assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), key, H256::zero()));
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, key, terms));
	let hash = Leases::<Test>::get(id).unwrap().schedule_hash;
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(LESSEE), id, hash));
	id
}

/// The lease's status.
fn status(id: LeaseId) -> LeaseStatus {
	Leases::<Test>::get(id).unwrap().status
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

/// The pallet's last `count` events.
fn last_events(count: usize) -> Vec<Event<Test>> {
	let all = events();
	all[all.len() - count..].to_vec()
}

/// The reference of the ledger's latest transfer.
fn last_reference() -> H256 {
	H256::from_low_u64_be(NextReference::get() - 1)
}

/// Notice time of the standard default: the first two instalments fall due unpaid.
const NOTICE: Moment = START + 2 * MONTH;

/// When the grace period after `NOTICE` ends.
const GRACE_END: Moment = NOTICE + 15 * DAY;

/// What the 12-instalment level lease owes when it defaults at `GRACE_END` with nothing paid:
/// - rent: principal 12,000,000 + interest 1% × (12 + 11 + … + 1) × 1,000,000 = 780,000, so
///   12,780,000;
/// - instalment 1 (rent 1,120,000, due `START + MONTH`) is 45 days late: ⌊1,120,000 × 45 ×
///   0.05%⌋ = 25,200 (under the cap of 112,000);
/// - instalment 2 (rent 1,110,000, due `NOTICE`) is 15 days late: ⌊1,110,000 × 15 × 0.05%⌋ =
///   8,325;
/// - the later instalments are not due and accrue no fee.
///
/// 12,780,000 + 25,200 + 8,325 = 12,813,525.
const OWED: Amount = 12_813_525;

/// A 12-instalment level lease of `machine()` signed at `START`, on which nothing is paid: the
/// lessor sends the demand at `NOTICE` and declares default at `GRACE_END` (the clock is
/// there). The lessee holds nothing but the reserved deposit.
fn defaulted_lease() -> LeaseId {
	let id = signed_lease(machine(), level_terms(12), 0);
	run_to(NOTICE);
	assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
	run_to(GRACE_END);
	assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
	assert_eq!(status(id), LeaseStatus::Defaulted { at: GRACE_END });
	id
}

// The trigger.

#[test]
fn demand_needs_two_overdue_instalments() {
	build_and_execute(|| {
		// 24 instalments: total rent 24,000,000 + 1% × (24 + … + 1) × 1,000,000 = 27,000,000,
		// whose 15% (4,050,000) two instalments (1,240,000 + 1,230,000 = 2,470,000) do not
		// reach: only the count of two can meet the trigger.
		let id = signed_lease(machine(), level_terms(24), 0);
		assert_eq!(Leases::<Test>::get(id).unwrap().total_rent, 27_000_000);

		// One instant before the second instalment falls due, only the first is overdue.
		run_to(START + 2 * MONTH - 1);
		let arrears = Leasing::lease_view(id).unwrap().arrears;
		assert_eq!((arrears.instalments, arrears.rent, arrears.trigger_met), (1, 1_240_000, false));
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::TriggerNotMet
		);

		// When it falls due, two are.
		run_to(START + 2 * MONTH);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(status(id), LeaseStatus::Demanded { notice_at: START + 2 * MONTH });
		System::assert_last_event(
			Event::DemandSent { lease: id, overdue_instalments: 2, overdue_rent: 2_470_000 }.into(),
		);
	});
}

#[test]
fn overdue_rent_of_exactly_fifteen_percent_meets_the_trigger() {
	build_and_execute(|| {
		// 8,000,000 over 8 instalments at 12.5%: each repays 1,000,000; interest 12.5% of the
		// outstanding 8,000,000, 7,000,000, … : 1,000,000, 875,000, 750,000, … , 125,000
		// (4,500,000 in all). Total rent 12,500,000, of which 15% is 1,875,000: exactly the rent
		// of instalment 2 (1,000,000 + 875,000).
		let id = signed_lease(machine(), share_terms(8_000_000), 2_000_000);
		let rows = Schedules::<Test>::get(id).unwrap();
		assert_eq!(rows[1], Instalment { principal: 1_000_000, interest: 875_000 });
		assert_eq!(Leases::<Test>::get(id).unwrap().total_rent, 12_500_000);

		// Instalment 1 (2,000,000) paid ahead; at the second due date instalment 2 alone is
		// overdue.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		run_to(START + 2 * MONTH);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		System::assert_last_event(
			Event::DemandSent { lease: id, overdue_instalments: 1, overdue_rent: 1_875_000 }.into(),
		);
	});
}

#[test]
fn overdue_rent_just_under_fifteen_percent_does_not_meet_the_trigger() {
	build_and_execute(|| {
		// One minor unit more principal: instalments 1 to 7 still repay ⌊8,000,001 / 8⌋ =
		// 1,000,000, the last 1,000,001; every interest is still floored to the same value
		// (⌊12.5% × 8,000,001⌋ = 1,000,000, …). Total rent 12,500,001, whose 15% is
		// 1,875,000.15: instalment 2's 1,875,000 falls short by 0.15 of a minor unit.
		let id = signed_lease(machine(), share_terms(8_000_001), 2_000_000);
		assert_eq!(Leases::<Test>::get(id).unwrap().total_rent, 12_500_001);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		run_to(START + 2 * MONTH);
		let arrears = Leasing::lease_view(id).unwrap().arrears;
		assert_eq!((arrears.instalments, arrears.rent, arrears.trigger_met), (1, 1_875_000, false));
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::TriggerNotMet
		);
	});
}

#[test]
fn overdue_first_instalment_over_fifteen_percent_meets_the_trigger() {
	build_and_execute(|| {
		// Instalment 1: 2,000,000 of 12,500,000 = 16%.
		let id = signed_lease(machine(), share_terms(8_000_000), 0);
		run_to(START + MONTH);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		System::assert_last_event(
			Event::DemandSent { lease: id, overdue_instalments: 1, overdue_rent: 2_000_000 }.into(),
		);
	});
}

#[test]
fn only_the_lessor_sends_a_demand() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(NOTICE);
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::NotLessor
		);
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(OTHER_LESSOR), id),
			Error::<Test>::NotLessor
		);
		assert_eq!(status(id), LeaseStatus::Active);
	});
}

// Grace, default and cure.

#[test]
fn default_is_declared_only_after_the_grace_period() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		// One millisecond before the grace period ends.
		run_to(GRACE_END - 1);
		assert_noop!(
			Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::GraceNotOver
		);
		assert_noop!(
			Leasing::declare_default(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::NotLessor
		);
		run_to(GRACE_END);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(status(id), LeaseStatus::Defaulted { at: GRACE_END });
		System::assert_last_event(Event::LeaseDefaulted { lease: id }.into());
	});
}

#[test]
fn default_cannot_be_declared_without_a_demand() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(GRACE_END);
		assert_noop!(
			Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::WrongStatus
		);
	});
}

#[test]
fn paying_after_a_demand_until_the_trigger_is_not_met_cures_it() {
	build_and_execute(|| {
		// 24 instalments, so that one overdue instalment is below 15% of the total rent.
		let id = signed_lease(machine(), level_terms(24), 2_000_000);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		// Instalment 1 (rent 1,240,000) is 30 days late: ⌊1,240,000 × 30 × 0.05%⌋ = 18,600.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::RentPaid {
					lease: id,
					instalment: 1,
					rent: 1_240_000,
					late_fee: 18_600,
					reference: last_reference(),
				},
				Event::DemandCured { lease: id },
			]
		);
		assert_eq!(status(id), LeaseStatus::Active);
		assert_eq!(free(LESSOR), 1_258_600);
		// The grace period ends, but there is no demand left to act on.
		run_to(GRACE_END);
		assert_noop!(
			Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::WrongStatus
		);
	});
}

#[test]
fn a_payment_that_leaves_the_trigger_met_does_not_cure() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(24), 2_000_000);
		// Three instalments overdue; paying one leaves two.
		run_to(START + 3 * MONTH);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert!(!events().contains(&Event::DemandCured { lease: id }));
		assert_eq!(status(id), LeaseStatus::Demanded { notice_at: START + 3 * MONTH });
		run_to(START + 3 * MONTH + 15 * DAY);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
	});
}

// Acceleration.

#[test]
fn acceleration_applies_the_deposit_and_the_lessee_pays_the_rest() {
	build_and_execute(|| {
		let id = defaulted_lease();
		assert_noop!(
			Leasing::accelerate(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::NotLessor
		);
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		// The deposit of 1,000,000 pays first: 12,813,525 − 1,000,000 = 11,813,525 remains.
		let due = OWED - 1_000_000;
		assert_eq!(
			last_events(2),
			[
				Event::LeaseAccelerated { lease: id, owed: OWED, deposit_applied: 1_000_000 },
				Event::SettlementPaid {
					lease: id,
					amount: 1_000_000,
					due,
					reference: last_reference(),
				},
			]
		);
		assert_eq!(status(id), LeaseStatus::Accelerated { due: 11_813_525 });
		assert_eq!((free(LESSOR), free(LESSEE), reserved(LESSEE)), (1_000_000, 0, 0));
		assert_eq!(Leasing::lease_view(id).unwrap().next_payment, due);

		// The lessee pays the rest: the lease matures.
		fund(LESSEE, due + 100);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::SettlementPaid {
					lease: id,
					amount: due,
					due: 0,
					reference: last_reference()
				},
				Event::LeaseMatured { lease: id },
			]
		);
		assert_eq!(status(id), LeaseStatus::Matured);
		assert_eq!(free(LESSOR), OWED);

		// Completing passes title for the nominal price.
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::TitlePassed }.into(),
		);
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSEE, None));
		assert_eq!((free(LESSOR), free(LESSEE)), (OWED + 100, 0));
		assert!(Leases::<Test>::get(id).is_none());
	});
}

#[test]
fn acceleration_returns_the_deposit_surplus_and_matures_at_once() {
	build_and_execute(|| {
		// Deposit 2,500,000; instalments 1 to 10 paid ahead (1,120,000 + … + 1,030,000 =
		// 10,750,000); 11 and 12 left unpaid.
		let terms = Terms { deposit: 2_500_000, ..level_terms(12) };
		let id = signed_lease(machine(), terms, 10_750_000);
		for _ in 0..10 {
			assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		}
		run_to(START + 12 * MONTH);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		System::assert_last_event(
			Event::DemandSent { lease: id, overdue_instalments: 2, overdue_rent: 2_030_000 }.into(),
		);
		run_to(START + 12 * MONTH + 15 * DAY);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		let lessor_before = free(LESSOR);

		// Owed: rent 1,020,000 + 1,010,000; fees ⌊1,020,000 × 45 × 0.05%⌋ = 22,950 and
		// ⌊1,010,000 × 15 × 0.05%⌋ = 7,575; 2,060,525 in all, which the deposit covers. The
		// surplus 2,500,000 − 2,060,525 = 439,475 returns to the lessee's free balance.
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(
			last_events(3),
			[
				Event::LeaseAccelerated { lease: id, owed: 2_060_525, deposit_applied: 2_060_525 },
				Event::SettlementPaid {
					lease: id,
					amount: 2_060_525,
					due: 0,
					reference: last_reference(),
				},
				Event::LeaseMatured { lease: id },
			]
		);
		let lease = Leases::<Test>::get(id).unwrap();
		assert_eq!((lease.status, lease.paid, lease.deposit), (LeaseStatus::Matured, 12, 0));
		assert_eq!((free(LESSEE), reserved(LESSEE)), (439_475, 0));
		assert_eq!(free(LESSOR) - lessor_before, 2_060_525);

		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSEE);
		assert_eq!(free(LESSEE), 439_375);
	});
}

#[test]
fn a_remedy_needs_a_defaulted_lease() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		assert_noop!(
			Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::WrongStatus
		);
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 0, H256::zero()),
			Error::<Test>::WrongStatus
		);
	});
}

// Termination.

/// The evidence of the recovered value.
fn evidence() -> H256 {
	H256::repeat_byte(0xEE)
}

#[test]
fn termination_leaves_the_shortfall_due_from_the_lessee() {
	build_and_execute(|| {
		let id = defaulted_lease();
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSEE), id, 10_000_000, evidence()),
			Error::<Test>::NotLessor
		);
		// Owed 12,813,525 less recovered 10,000,000 = 2,813,525; the deposit pays 1,000,000
		// of it; 1,813,525 is due from the lessee.
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 10_000_000, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: 10_000_000,
					evidence: evidence(),
					deposit_applied: 1_000_000,
					due: 1_813_525,
					surplus: 0,
				},
				Event::SettlementPaid {
					lease: id,
					amount: 1_000_000,
					due: 1_813_525,
					reference: last_reference(),
				},
			]
		);
		assert_eq!(status(id), LeaseStatus::Terminated { due: 1_813_525 });
		// The asset is the lessor's again, free of the lease.
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
		assert_eq!((free(LESSOR), reserved(LESSEE)), (1_000_000, 0));

		fund(LESSEE, 1_813_525);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::SettlementPaid {
					lease: id,
					amount: 1_813_525,
					due: 0,
					reference: last_reference(),
				},
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!((free(LESSOR), free(LESSEE)), (2_813_525, 0));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSOR);
	});
}

#[test]
fn termination_pays_the_surplus_of_the_recovered_value_to_the_lessee() {
	build_and_execute(|| {
		let id = defaulted_lease();
		// Recovered 13,000,000 exceeds the 12,813,525 owed by 186,475, which the lessor pays
		// the lessee; nothing is owed, so the deposit returns whole.
		fund(LESSOR, 186_475);
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 13_000_000, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: 13_000_000,
					evidence: evidence(),
					deposit_applied: 0,
					due: 0,
					surplus: 186_475,
				},
				// Closing releases no asset again: the termination already did.
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert_eq!(Transfers::get().last(), Some(&(LESSOR, LESSEE, 186_475, Purpose::Domestic)));
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (1_186_475, 0, 0));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
	});
}

#[test]
fn termination_at_exactly_the_owed_amount_closes_without_a_transfer() {
	build_and_execute(|| {
		let id = defaulted_lease();
		let transfers = Transfers::get().len();
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, OWED, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: OWED,
					evidence: evidence(),
					deposit_applied: 0,
					due: 0,
					surplus: 0,
				},
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert_eq!(Transfers::get().len(), transfers);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (1_000_000, 0, 0));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
	});
}

#[test]
fn termination_whose_shortfall_the_deposit_covers_closes_and_returns_the_rest() {
	build_and_execute(|| {
		let id = defaulted_lease();
		// Owed 12,813,525 less recovered 12,000,000 = 813,525, all from the deposit; the other
		// 186,475 of the deposit returns to the lessee.
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 12_000_000, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: 12_000_000,
					evidence: evidence(),
					deposit_applied: 813_525,
					due: 0,
					surplus: 0,
				},
				Event::SettlementPaid {
					lease: id,
					amount: 813_525,
					due: 0,
					reference: last_reference(),
				},
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (186_475, 0, 813_525));
	});
}
