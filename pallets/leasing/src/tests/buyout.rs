//! Early buyout, maturity and completion.

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

/// Equal-principal terms, so that every figure can be checked by hand: CNY 120,000.00 over 12
/// monthly instalments at 1% a month, deposit CNY 10,000.00, late fee 0.05% a day capped at
/// 10%, the default trigger, 2% early fee, title for CNY 1.00.
///
/// Instalment `k` repays 1,000,000 and interest `1% × (13 − k) × 1,000,000`: rents 1,120,000,
/// 1,110,000, … , 1,010,000; total rent 12,780,000.
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

/// The total rent of `level_terms()`.
const TOTAL_RENT: Amount = 12_780_000;

/// `LESSOR` registers `machine()` and drafts its lease to `LESSEE` on `terms`; the lessee is
/// funded with the deposit and `extra`. Returns the lease's number.
fn drafted_lease(terms: Terms, extra: Amount) -> LeaseId {
	fund(LESSEE, terms.deposit + extra);
	assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), machine(), H256::zero()));
	let id = NextLeaseId::<Test>::get();
	assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms));
	id
}

/// As `drafted_lease`, signed by the lessee now.
fn signed_lease(terms: Terms, extra: Amount) -> LeaseId {
	let id = drafted_lease(terms, extra);
	let hash = Leases::<Test>::get(id).unwrap().schedule_hash;
	assert_ok!(Leasing::sign(RuntimeOrigin::signed(LESSEE), id, hash));
	id
}

/// The lessee pays `count` instalments.
fn pay(id: LeaseId, count: u16) {
	for _ in 0..count {
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
	}
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

/// Halfway through period 4: instalment 3 fell due 15 days ago, instalment 4 falls due in 15.
const MID_PERIOD_4: Moment = START + 3 * MONTH + 15 * DAY;

/// The buyout at `MID_PERIOD_4` with instalments 1 to 3 paid:
/// - outstanding principal: 9 × 1,000,000 = 9,000,000;
/// - nothing overdue;
/// - period 4's interest (1% × 9,000,000 = 90,000) for 15 of its 30 days: 45,000;
/// - early fee: 2% × 9,000,000 = 180,000;
/// - nominal price: 100.
///
/// 9,000,000 + 45,000 + 180,000 + 100 = 9,225,100.
const BUYOUT_AFTER_3: Amount = 9_225_100;

/// The rent of instalments 1 to 3: 1,120,000 + 1,110,000 + 1,100,000.
const RENT_1_TO_3: Amount = 3_330_000;

// The buyout amount.

#[test]
fn buyout_is_principal_current_interest_pro_rata_early_fee_and_price() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), RENT_1_TO_3);
		pay(id, 3);
		run_to(MID_PERIOD_4);
		let lease = Leases::<Test>::get(id).unwrap();
		let rows = Schedules::<Test>::get(id).unwrap();
		assert_eq!(Leasing::buyout_amount(&lease, &rows, MID_PERIOD_4), Some(BUYOUT_AFTER_3));
		assert_eq!(Leasing::lease_view(id).unwrap().buyout, Some(BUYOUT_AFTER_3));
		// At the start of period 4 none of its interest has accrued yet: 9,180,100.
		assert_eq!(Leasing::buyout_amount(&lease, &rows, START + 3 * MONTH), Some(9_180_100));
	});
}

#[test]
fn buyout_includes_overdue_interest_and_late_fees() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), 1_120_000);
		pay(id, 1);
		run_to(MID_PERIOD_4);
		// Instalments 2 to 12 unpaid:
		// - outstanding principal: 11 × 1,000,000 = 11,000,000;
		// - instalment 2 overdue (due `START + 2 × MONTH`, 45 days): interest 110,000, late
		//   fee ⌊1,110,000 × 45 × 0.05%⌋ = 24,975;
		// - instalment 3 overdue (15 days): interest 100,000, late fee ⌊1,100,000 × 15 ×
		//   0.05%⌋ = 8,250;
		// - instalment 4 current: 90,000 × 15 / 30 = 45,000;
		// - early fee: 2% × 11,000,000 = 220,000; price: 100.
		// 11,000,000 + 110,000 + 24,975 + 100,000 + 8,250 + 45,000 + 220,000 + 100
		// = 11,508,325.
		let view = Leasing::lease_view(id).unwrap();
		assert_eq!((view.arrears.instalments, view.arrears.fees), (2, 24_975 + 8_250));
		assert_eq!(view.buyout, Some(11_508_325));
	});
}

#[test]
fn buy_out_pays_the_amount_deposit_first_and_passes_title() {
	build_and_execute(|| {
		// The lessee holds the rent of three instalments and 9,225,100 − 1,000,000 = 8,225,100
		// besides the deposit: the deposit pays the rest of the buyout.
		let id = signed_lease(level_terms(), RENT_1_TO_3 + BUYOUT_AFTER_3 - 1_000_000);
		pay(id, 3);
		run_to(MID_PERIOD_4);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (8_225_100, 1_000_000));

		assert_ok!(Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(
			Transfers::get().last(),
			Some(&(LESSEE, LESSOR, BUYOUT_AFTER_3, Purpose::Domestic))
		);
		assert_eq!(
			last_events(2),
			[
				Event::AssetReleased { key: machine(), holder: LESSEE },
				Event::LeaseClosed { lease: id, closure: Closure::BoughtOut },
			]
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(Schedules::<Test>::get(id).is_none());
		assert!(Leasing::leases_of(&LESSEE).is_empty());
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSEE, None));
		assert_eq!((free(LESSEE), reserved(LESSEE)), (0, 0));
		assert_eq!(free(LESSOR), RENT_1_TO_3 + BUYOUT_AFTER_3);
	});
}

#[test]
fn buy_out_is_refused_for_a_draft() {
	build_and_execute(|| {
		let id = drafted_lease(level_terms(), 20_000_000);
		assert_eq!(Leasing::lease_view(id).unwrap().buyout, None);
		assert_noop!(
			Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::WrongStatus
		);
	});
}

#[test]
fn buy_out_is_refused_after_maturity() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), TOTAL_RENT);
		pay(id, 12);
		assert_eq!(Leasing::lease_view(id).unwrap().buyout, None);
		assert_noop!(
			Leasing::buy_out(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::WrongStatus
		);
	});
}

#[test]
fn only_the_lessee_buys_out() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), 0);
		assert_noop!(Leasing::buy_out(RuntimeOrigin::signed(LESSOR), id), Error::<Test>::NotLessee);
		assert_noop!(
			Leasing::buy_out(RuntimeOrigin::signed(STRANGER), id),
			Error::<Test>::NotLessee
		);
	});
}

// Maturity and completion.

#[test]
fn the_last_instalment_matures_the_lease() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), TOTAL_RENT);
		pay(id, 11);
		assert_eq!(Leases::<Test>::get(id).unwrap().status, LeaseStatus::Active);
		pay(id, 1);
		assert_eq!(
			last_events(2),
			[
				Event::RentPaid {
					lease: id,
					instalment: 12,
					rent: 1_010_000,
					late_fee: 0,
					reference: last_reference(),
				},
				Event::LeaseMatured { lease: id },
			]
		);
		let lease = Leases::<Test>::get(id).unwrap();
		assert_eq!((lease.status, lease.paid), (LeaseStatus::Matured, 12));
		assert_eq!(Leasing::lease_view(id).unwrap().next_payment, 0);
		assert_noop!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id), Error::<Test>::NothingDue);
		// Title has not passed yet.
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSOR);
	});
}

#[test]
fn completing_a_purchase_pays_the_price_returns_the_deposit_and_passes_title() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), TOTAL_RENT);
		pay(id, 12);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (0, 1_000_000));
		assert_noop!(
			Leasing::complete(RuntimeOrigin::signed(LESSOR), id),
			Error::<Test>::NotLessee
		);

		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(Transfers::get().last(), Some(&(LESSEE, LESSOR, 100, Purpose::Domestic)));
		assert_eq!(
			last_events(2),
			[
				Event::AssetReleased { key: machine(), holder: LESSEE },
				Event::LeaseClosed { lease: id, closure: Closure::TitlePassed },
			]
		);
		// The deposit back, less the price it paid: 1,000,000 − 100.
		assert_eq!((free(LESSEE), reserved(LESSEE)), (999_900, 0));
		assert_eq!(free(LESSOR), TOTAL_RENT + 100);
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSEE, None));
		assert!(Leases::<Test>::get(id).is_none());
	});
}

#[test]
fn a_return_is_completed_by_the_lessor_and_the_asset_stays_with_it() {
	build_and_execute(|| {
		let id = signed_lease(Terms { end: EndOption::Return, ..level_terms() }, TOTAL_RENT);
		pay(id, 12);
		let transfers = Transfers::get().len();
		assert_noop!(
			Leasing::complete(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::NotLessor
		);

		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(
			last_events(2),
			[
				Event::AssetReleased { key: machine(), holder: LESSOR },
				Event::LeaseClosed { lease: id, closure: Closure::Returned },
			]
		);
		assert_eq!(Transfers::get().len(), transfers);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (1_000_000, 0));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!((asset.holder, asset.encumbrance), (LESSOR, None));
		assert!(Leases::<Test>::get(id).is_none());
	});
}

#[test]
fn a_purchase_at_price_zero_completes_without_a_transfer() {
	build_and_execute(|| {
		let terms = Terms { end: EndOption::Purchase { price: 0 }, ..level_terms() };
		let id = signed_lease(terms, TOTAL_RENT);
		pay(id, 12);
		let transfers = Transfers::get().len();

		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		assert_eq!(Transfers::get().len(), transfers);
		assert_eq!(
			last_events(2),
			[
				Event::AssetReleased { key: machine(), holder: LESSEE },
				Event::LeaseClosed { lease: id, closure: Closure::TitlePassed },
			]
		);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (1_000_000, 0));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSEE);
	});
}

#[test]
fn complete_is_refused_before_maturity() {
	build_and_execute(|| {
		let id = signed_lease(level_terms(), TOTAL_RENT);
		pay(id, 11);
		assert_noop!(
			Leasing::complete(RuntimeOrigin::signed(LESSEE), id),
			Error::<Test>::WrongStatus
		);
	});
}
