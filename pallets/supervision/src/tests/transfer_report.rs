//! `transfer_report`: the dry run wallets and integrators ask before sending a payment. It
//! lists every rule that applies and writes nothing.

use super::*;

/// The report, checking that producing it left the state exactly as it was.
fn dry_run(
	from: u64,
	to: u64,
	currency: CurrencyId,
	amount: Amount,
	purpose: Purpose,
) -> TransferReport {
	let before = storage_root();
	let events_before = System::events().len();
	let report = Supervision::transfer_report(from, to, currency, amount, purpose);
	assert_eq!(storage_root(), before, "transfer_report wrote to storage");
	assert_eq!(System::events().len(), events_before);
	report
}

#[test]
fn a_small_domestic_payment_is_allowed_with_no_reasons() {
	build_and_execute(|| {
		assert_eq!(
			dry_run(ALICE, BOB, CNY, cny(100), Purpose::Domestic),
			TransferReport {
				cross_border: false,
				usd: None,
				decision: Decision::Allow,
				reasons: vec![]
			}
		);
		assert_eq!(dry_run(ALICE, BOB, HKD, 1_000, Purpose::Domestic).usd, Some(128));
	});
}

#[test]
fn the_report_says_the_payment_crosses_the_border_and_what_to_attach() {
	build_and_execute(|| {
		assert_eq!(
			dry_run(ALICE, NON_RESIDENT, USD, usd(10_000), Purpose::CurrentTransfer),
			TransferReport {
				cross_border: true,
				usd: Some(usd(10_000)),
				decision: deny(&[
					Reason::TravelRuleDataRequired,
					Reason::LargeValueIndividualCrossBorder
				]),
				reasons: vec![
					Reason::TravelRuleDataRequired,
					Reason::LargeValueIndividualCrossBorder
				],
			}
		);
		let services =
			dry_run(ENTERPRISE_B, FOREIGN_ENTERPRISE, USD, usd(60_000), Purpose::ServicesTrade);
		assert_eq!(
			services.reasons,
			vec![
				Reason::TradeDocumentRequired,
				Reason::TaxFilingRequired,
				Reason::TravelRuleDataRequired
			]
		);
		let held = dry_run(ENTERPRISE_C, FOREIGN_ENTERPRISE, USD, usd(999), Purpose::GoodsTrade);
		assert_eq!(held.decision, hold(&[Reason::PriorReviewRequired]));
	});
}

#[test]
fn the_report_lists_every_reason_a_payment_is_refused_for() {
	build_and_execute(|| {
		assert_ok!(Supervision::freeze_account(supervisor(), ALICE, case(1)));
		assert_ok!(Supervision::pause_payments(supervisor(), case(2)));
		assert_ok!(Supervision::watch_list(supervisor(), person(ALICE), case(3)));
		let report = dry_run(ALICE, NON_RESIDENT, EUR, 100, Purpose::CurrentTransfer);
		assert_eq!(
			report.reasons,
			vec![
				Reason::AccountFrozen,
				Reason::PaymentsPaused,
				Reason::WatchListed,
				Reason::RateUnavailable
			]
		);
		assert_eq!(report.decision, Decision::Deny(Reasons::of(&report.reasons)));
		assert!(report.cross_border);
		assert_eq!(report.usd, None);
	});
}

#[test]
fn a_party_without_a_credential_makes_the_payment_domestic_and_denied() {
	build_and_execute(|| {
		let report = dry_run(STRANGER, NON_RESIDENT, USD, usd(10), Purpose::CurrentTransfer);
		assert!(!report.cross_border);
		assert_eq!(report.reasons, vec![Reason::IdentityNotLive]);
	});
}

#[test]
fn the_report_sees_the_days_total_and_the_structuring_window_without_adding_to_them() {
	build_and_execute(|| {
		assert_eq!(propose(&payment(ALICE, BOB, CNY, cny(450_000))), Decision::Allow);
		Now::set(NEXT_DAY);
		assert_eq!(propose(&payment(ALICE, BOB, CNY, cny(450_000))), Decision::Allow);
		let totals = DailyTotals::<Test>::get(person(ALICE));
		let near = NearThreshold::<Test>::get(person(ALICE));
		let report = dry_run(ALICE, BOB, CNY, cny(50_000), Purpose::Domestic);
		assert_eq!(report.reasons, vec![Reason::LargeValueIndividualDomestic]);
		let report = dry_run(ALICE_2, BOB, USD, usd(90_000), Purpose::Domestic);
		assert_eq!(report.reasons, vec![Reason::Structuring]);
		assert_eq!(DailyTotals::<Test>::get(person(ALICE)), totals);
		assert_eq!(NearThreshold::<Test>::get(person(ALICE)), near);
	});
}
