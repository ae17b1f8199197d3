//! Default: the trigger, the demand notice, the grace period and the cure; the remedies:
//! acceleration, termination with their settlements, and the write-off.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{
	forex::{Amount, Purpose},
	supervision::DAY,
	Moment,
};
use sp_core::H256;
use sp_runtime::{DispatchError, DispatchResult, Perbill};

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

/// `who`'s credential lapses.
fn lapse(who: u64) {
	Profiles::mutate(|profiles| profiles.remove(&who));
}

/// `who` is verified again.
fn verify_again(who: u64) {
	Profiles::mutate(|profiles| profiles.insert(who, profile(who, *b"CN")));
}

/// The error of the last `DepositNotApplied` of lease `id`, if any.
fn deposit_not_applied(id: LeaseId) -> Option<DispatchError> {
	events().into_iter().rev().find_map(|event| match event {
		Event::DepositNotApplied { lease, error } if lease == id => Some(error),
		_ => None,
	})
}

/// Run `call` as against a ledger whose books are in storage. The mock ledger keeps its
/// balances outside storage, so when the pallet rolls back the storage layer in which the
/// deposit failed to pay (`DepositNotApplied`), what the mock did inside it (giving the deposit
/// back to the lessee's balance) stays done, where a real ledger's would be undone with the
/// layer. In that case restore the balances as they were before `call`: the calls run here do
/// nothing else on the ledger.
fn with_ledger_rolled_back(call: impl FnOnce() -> DispatchResult) -> DispatchResult {
	let (free, reserved, seen) = (Free::get(), Reserved::get(), events().len());
	let result = call();
	if events()[seen..]
		.iter()
		.any(|event| matches!(event, Event::DepositNotApplied { .. }))
	{
		Free::set(free);
		Reserved::set(reserved);
	}
	result
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

#[test]
fn a_lessor_whose_verification_lapsed_cannot_send_a_demand() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(NOTICE);
		lapse(LESSOR);
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::NotVerified
		);
		assert_eq!(status(id), LeaseStatus::Active);
		// Verified again, it can.
		verify_again(LESSOR);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
	});
}

#[test]
fn a_lessor_whose_verification_lapsed_takes_no_remedy() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(12), 0);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		run_to(GRACE_END);
		lapse(LESSOR);
		assert_noop!(
			Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::NotVerified
		);
		verify_again(LESSOR);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		lapse(LESSOR);
		assert_noop!(
			Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 10_000_000, evidence()),
			Error::<Test>::NotVerified
		);
		verify_again(LESSOR);
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 10_000_000, evidence()));
		lapse(LESSOR);
		assert_noop!(
			Leasing::write_off(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::NotVerified
		);
		assert_eq!(status(id), LeaseStatus::Terminated { due: 1_813_525 });
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

#[test]
fn paying_after_default_until_the_trigger_is_not_met_cures_it() {
	build_and_execute(|| {
		// 24 instalments, so that one overdue instalment is below 15% of the total rent.
		let id = signed_lease(machine(), level_terms(24), 2_000_000);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		run_to(GRACE_END);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		// Before the lessor acts, the lessee pays instalment 1 (rent 1,240,000, 45 days late:
		// ⌊1,240,000 × 45 × 0.05%⌋ = 27,900); instalment 2 alone (1,230,000, under 15% of
		// 27,000,000) is overdue.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::RentPaid {
					lease: id,
					instalment: 1,
					rent: 1_240_000,
					late_fee: 27_900,
					reference: last_reference(),
				},
				Event::DemandCured { lease: id },
			]
		);
		assert_eq!(status(id), LeaseStatus::Active);
		// The default is gone: no remedy, and a new demand needs the trigger met again.
		assert_noop!(
			Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::WrongStatus
		);
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 0, H256::zero()),
			Error::<Test>::WrongStatus
		);
		assert_noop!(
			Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::TriggerNotMet
		);
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
				Event::LeaseAccelerated { lease: id, owed: OWED },
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
fn acceleration_keeps_the_deposit_surplus_until_completion_and_matures_at_once() {
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
		// ⌊1,010,000 × 15 × 0.05%⌋ = 7,575; 2,060,525 in all, which the deposit covers. Only
		// what is owed leaves the deposit: the surplus 2,500,000 − 2,060,525 = 439,475 stays
		// reserved until the lease closes. (It used to return to the lessee's free balance at
		// once.)
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(
			last_events(3),
			[
				Event::LeaseAccelerated { lease: id, owed: 2_060_525 },
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
		assert_eq!((lease.status, lease.paid, lease.deposit), (LeaseStatus::Matured, 12, 439_475));
		assert_eq!((free(LESSEE), reserved(LESSEE)), (0, 439_475));
		assert_eq!(free(LESSOR) - lessor_before, 2_060_525);

		// The purchase takes its price of 100 from the deposit; closing returns the other
		// 439,375.
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSEE);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (439_375, 0));
		assert_eq!(free(LESSOR) - lessor_before, 2_060_525 + 100);
	});
}

#[test]
fn acceleration_stands_when_the_lessees_credential_lapsed_and_the_deposit_pays_first_later() {
	build_and_execute(|| {
		let id = defaulted_lease();
		lapse(LESSEE);
		// The deposit cannot be paid to the lessor (no payment from an unverified account), but
		// the acceleration stands.
		assert_ok!(with_ledger_rolled_back(|| Leasing::accelerate(
			RuntimeOrigin::signed(LESSOR),
			id
		)));
		assert_eq!(
			last_events(2),
			[
				Event::LeaseAccelerated { lease: id, owed: OWED },
				Event::DepositNotApplied { lease: id, error: Error::<Test>::NotVerified.into() },
			]
		);
		// Nothing moved: all of `OWED` is due and the deposit is still reserved.
		let record = Leases::<Test>::get(id).unwrap();
		assert_eq!(
			(record.status, record.deposit),
			(LeaseStatus::Accelerated { due: OWED }, 1_000_000)
		);
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 1_000_000, 0));
		assert!(Transfers::get().is_empty());
		let view = Leasing::lease_view(id).unwrap();
		assert_eq!((view.next_payment, view.arrears), (OWED, Arrears::default()));

		// Verified again, the lessee needs only what the deposit does not cover: the deposit
		// pays first, in the one payment of `OWED`, which matures the lease.
		verify_again(LESSEE);
		fund(LESSEE, OWED - 1_000_000);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::SettlementPaid {
					lease: id,
					amount: OWED,
					due: 0,
					reference: last_reference(),
				},
				Event::LeaseMatured { lease: id },
			]
		);
		assert_eq!(Transfers::get(), vec![(LESSEE, LESSOR, OWED, Purpose::Domestic)]);
		let record = Leases::<Test>::get(id).unwrap();
		assert_eq!((record.status, record.deposit), (LeaseStatus::Matured, 0));
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 0, OWED));
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

#[test]
fn a_remedy_needs_the_trigger_met_when_the_lessor_takes_it() {
	build_and_execute(|| {
		let id = signed_lease(machine(), level_terms(24), 3_000_000);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		run_to(GRACE_END);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		// The lessee catches up on instalment 1, which cures the default. A defaulted lease
		// whose trigger is no longer met cannot come about through calls any more (the
		// pallet's previous version cured only a demand, and left it so): write it back.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		Leases::<Test>::mutate(id, |record| {
			record.as_mut().unwrap().status = LeaseStatus::Defaulted { at: GRACE_END }
		});
		let arrears = Leasing::lease_view(id).unwrap().arrears;
		assert_eq!((arrears.instalments, arrears.rent, arrears.trigger_met), (1, 1_230_000, false));
		assert_noop!(
			Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::TriggerNotMet
		);
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 0, evidence()),
			Error::<Test>::TriggerNotMet
		);
		// The lessee's next payment (instalment 2, rent 1,230,000, 15 days late:
		// ⌊1,230,000 × 15 × 0.05%⌋ = 9,225) cures it.
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			last_events(2),
			[
				Event::RentPaid {
					lease: id,
					instalment: 2,
					rent: 1_230_000,
					late_fee: 9_225,
					reference: last_reference(),
				},
				Event::DemandCured { lease: id },
			]
		);
		assert_eq!(status(id), LeaseStatus::Active);
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
		// Owed 12,813,525 less recovered 10,000,000 = 2,813,525 is due (the event states it
		// before the deposit pays, no longer after); the deposit pays 1,000,000 of it;
		// 1,813,525 is left due from the lessee.
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
					due: 2_813_525,
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
		// What is owed is the settlement due, not arrears.
		let view = Leasing::lease_view(id).unwrap();
		assert_eq!((view.next_payment, view.arrears), (1_813_525, Arrears::default()));
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
		// Owed 12,813,525 less recovered 12,000,000 = 813,525 is due (the event states it before
		// the deposit pays, no longer after), all from the deposit; the other 186,475 of the
		// deposit returns to the lessee when the lease closes.
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 12_000_000, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: 12_000_000,
					evidence: evidence(),
					due: 813_525,
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

#[test]
fn an_accelerated_lease_is_terminated_for_what_is_still_due() {
	build_and_execute(|| {
		let id = defaulted_lease();
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		// The deposit paid 1,000,000 of `OWED`: 11,813,525 is still due.
		let due = OWED - 1_000_000;
		assert_eq!(status(id), LeaseStatus::Accelerated { due });
		// Ten days on, no late fee is added: what is owed is what the acceleration left due.
		run_to(GRACE_END + 10 * DAY);
		assert_noop!(
			Leasing::terminate(RuntimeOrigin::signed(LESSEE), id, 10_000_000, evidence()),
			Error::<Test>::NotLessor
		);
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 10_000_000, evidence()));
		// 11,813,525 less recovered 10,000,000: 1,813,525 due; no deposit is left to pay it.
		assert_eq!(
			last_events(2),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: due,
					recovered: 10_000_000,
					evidence: evidence(),
					due: 1_813_525,
					surplus: 0,
				},
			]
		);
		assert_eq!(status(id), LeaseStatus::Terminated { due: 1_813_525 });
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));

		fund(LESSEE, 1_813_525);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::Terminated }.into(),
		);
		assert_eq!((free(LESSOR), free(LESSEE), reserved(LESSEE)), (2_813_525, 0, 0));
	});
}

#[test]
fn an_accelerated_lease_terminated_for_more_than_is_due_pays_the_surplus() {
	build_and_execute(|| {
		let id = defaulted_lease();
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		// 12,000,000 recovered against the 11,813,525 still due: 186,475 to the lessee.
		fund(LESSOR, 186_475);
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 12_000_000, evidence()));
		assert_eq!(
			last_events(3),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: OWED - 1_000_000,
					recovered: 12_000_000,
					evidence: evidence(),
					due: 0,
					surplus: 186_475,
				},
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert_eq!(Transfers::get().last(), Some(&(LESSOR, LESSEE, 186_475, Purpose::Domestic)));
		assert!(Leases::<Test>::get(id).is_none());
		// The lessor kept the deposit's 1,000,000 and paid the surplus.
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (186_475, 0, 1_000_000));
	});
}

#[test]
fn a_surplus_that_cannot_reach_a_lessee_whose_credential_lapsed_closes_the_lease_unpaid() {
	build_and_execute(|| {
		let id = defaulted_lease();
		fund(LESSOR, 186_475);
		lapse(LESSEE);
		// Recovered 13,000,000 against the 12,813,525 owed: a surplus of 186,475, which the
		// lessor cannot pay to an unverified account.
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 13_000_000, evidence()));
		assert_eq!(
			last_events(4),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseTerminated {
					lease: id,
					owed: OWED,
					recovered: 13_000_000,
					evidence: evidence(),
					due: 0,
					surplus: 186_475,
				},
				Event::SurplusUnpaid { lease: id, amount: 186_475 },
				Event::LeaseClosed { lease: id, closure: Closure::Terminated },
			]
		);
		assert!(Transfers::get().is_empty());
		assert!(Leases::<Test>::get(id).is_none());
		// The lessor still holds the surplus it owes outside the lease; the whole deposit
		// returned to the lessee when the lease closed.
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (1_000_000, 0, 186_475));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
	});
}

// Write-off.

#[test]
fn the_lessor_writes_off_a_terminated_lease_and_the_deposit_returns() {
	build_and_execute(|| {
		let id = defaulted_lease();
		// Supervision refuses the deposit's payment: the termination stands, 2,813,525 due,
		// the deposit still reserved.
		Mode::set(Supervision::Deny);
		assert_ok!(with_ledger_rolled_back(|| Leasing::terminate(
			RuntimeOrigin::signed(LESSOR),
			id,
			10_000_000,
			evidence()
		)));
		assert!(matches!(deposit_not_applied(id), Some(DispatchError::Other(_))));
		Mode::set(Supervision::Execute);
		let record = Leases::<Test>::get(id).unwrap();
		assert_eq!(
			(record.status, record.deposit),
			(LeaseStatus::Terminated { due: 2_813_525 }, 1_000_000)
		);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (0, 1_000_000));

		for who in [LESSEE, OTHER_LESSOR, STRANGER] {
			assert_noop!(
				Leasing::write_off(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotLessor
			);
		}
		let seen = events().len();
		assert_ok!(Leasing::write_off(RuntimeOrigin::signed(LESSOR), id));
		// The asset was released at termination: closing releases nothing again.
		assert_eq!(
			events()[seen..],
			[Event::LeaseClosed { lease: id, closure: Closure::WrittenOff }]
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(Schedules::<Test>::get(id).is_none());
		assert!(Leasing::leases_of(&LESSOR).is_empty());
		assert!(Leasing::leases_of(&LESSEE).is_empty());
		assert!(Transfers::get().is_empty());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (1_000_000, 0, 0));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
		assert_noop!(
			Leasing::write_off(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::LeaseNotFound
		);
	});
}

#[test]
fn a_write_off_after_the_deposit_paid_closes_the_lease() {
	build_and_execute(|| {
		let id = defaulted_lease();
		assert_ok!(Leasing::terminate(RuntimeOrigin::signed(LESSOR), id, 10_000_000, evidence()));
		assert_eq!(status(id), LeaseStatus::Terminated { due: 1_813_525 });
		assert_ok!(Leasing::write_off(RuntimeOrigin::signed(LESSOR), id));
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::WrittenOff }.into(),
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert_eq!((free(LESSEE), reserved(LESSEE), free(LESSOR)), (0, 0, 1_000_000));
	});
}

#[test]
fn only_a_terminated_lease_is_written_off() {
	build_and_execute(|| {
		let write_off = |id| Leasing::write_off(RuntimeOrigin::signed(LESSOR), id);
		// A draft.
		let key = H256::repeat_byte(0xBB);
		assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), key, H256::zero()));
		let draft = NextLeaseId::<Test>::get();
		assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, key, level_terms(12)));
		assert_noop!(write_off(draft), Error::<Test>::WrongStatus);
		// Active, demanded, defaulted, accelerated.
		let id = signed_lease(machine(), level_terms(12), 0);
		assert_noop!(write_off(id), Error::<Test>::WrongStatus);
		run_to(NOTICE);
		assert_ok!(Leasing::send_demand(RuntimeOrigin::signed(LESSOR), id));
		assert_noop!(write_off(id), Error::<Test>::WrongStatus);
		run_to(GRACE_END);
		assert_ok!(Leasing::declare_default(RuntimeOrigin::signed(LESSOR), id));
		assert_noop!(write_off(id), Error::<Test>::WrongStatus);
		assert_ok!(Leasing::accelerate(RuntimeOrigin::signed(LESSOR), id));
		assert_noop!(write_off(id), Error::<Test>::WrongStatus);
		// Matured (the lessee pays what acceleration left due).
		fund(LESSEE, OWED - 1_000_000);
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(status(id), LeaseStatus::Matured);
		assert_noop!(write_off(id), Error::<Test>::WrongStatus);
	});
}
