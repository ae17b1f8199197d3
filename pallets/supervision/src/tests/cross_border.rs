//! Rules on cross-border movements and on who may move money: live identity, travel-rule data,
//! tax filings on services trade, and enterprise classes B and C.

use super::*;

#[test]
fn a_party_without_a_live_credential_is_denied() {
	build_and_execute(|| {
		LapsedPersons::mutate(|lapsed| lapsed.insert(STRANGER, H256::repeat_byte(30)));
		assert_eq!(check(&payment(STRANGER, ALICE, CNY, 1)), deny(&[Reason::IdentityNotLive]));
		assert_eq!(check(&payment(ALICE, STRANGER, CNY, 1)), deny(&[Reason::IdentityNotLive]));
		assert_eq!(check(&deposit(STRANGER, USD, 1)), deny(&[Reason::IdentityNotLive]));
		assert_eq!(check(&payment(ALICE, BOB, CNY, 1)), Decision::Allow);
	});
}

#[test]
fn travel_rule_data_is_required_on_cross_border_payments_from_usd_1_000_or_cny_5_000() {
	build_and_execute(|| {
		let rules = Rules::<Test>::get();
		assert_eq!(rules.travel_rule, Threshold { home: cny(5_000), usd: usd(1_000) });
		for (currency, threshold) in [(CNY, cny(5_000)), (USD, usd(1_000)), (HKD, 781_250)] {
			let bare = |amount| payment(ALICE, NON_RESIDENT, currency, amount);
			assert_eq!(check(&bare(threshold - 1)), Decision::Allow, "below, {currency}");
			let needed = deny(&[Reason::TravelRuleDataRequired]);
			assert_eq!(check(&bare(threshold)), needed, "at, {currency}");
			assert_eq!(check(&bare(threshold + 1)), needed, "above, {currency}");
			// With originator and beneficiary data it goes.
			let mut with_data = bare(threshold);
			with_data.travel_rule = true;
			assert_eq!(check(&with_data), Decision::Allow);
		}
		assert!(events().is_empty());
	});
}

#[test]
fn travel_rule_data_is_not_required_at_home_or_on_other_kinds_of_movement() {
	build_and_execute(|| {
		assert_eq!(check(&payment(ALICE, BOB, USD, usd(5_000))), Decision::Allow);
		// A conversion with a foreign counterparty is no remittance.
		let conversion =
			movement(MovementKind::Conversion, Some(NON_RESIDENT), Some(ALICE), USD, usd(5_000));
		assert!(conversion.cross_border);
		assert_eq!(check(&conversion), Decision::Allow);
	});
}

/// A class-A resident enterprise paying a foreign enterprise for services.
fn services(currency: CurrencyId, amount: Amount) -> Movement<u64> {
	let mut m = remittance(ENTERPRISE_A, FOREIGN_ENTERPRISE, currency, amount);
	m.purpose = Purpose::ServicesTrade;
	m
}

#[test]
fn a_resident_services_payment_above_usd_50_000_needs_a_tax_filing() {
	build_and_execute(|| {
		assert_eq!(Rules::<Test>::get().tax_filing, usd(50_000));
		assert_eq!(check(&services(USD, usd(50_000) - 1)), Decision::Allow);
		// "Above" USD 50,000: exactly 50,000 goes without a filing.
		assert_eq!(check(&services(USD, usd(50_000))), Decision::Allow);
		let needed = deny(&[Reason::TaxFilingRequired]);
		assert_eq!(check(&services(USD, usd(50_000) + 1)), needed);
		// HKD at its USD value: 39,062,500 HKD cents are USD 50,000.
		assert_eq!(check(&services(HKD, 39_062_500)), Decision::Allow);
		assert_eq!(check(&services(HKD, 39_062_508)), needed);
		// With the filing it goes.
		let mut filed = services(USD, usd(50_000) + 1);
		filed.documents.tax_filing = Some(H256::repeat_byte(7));
		assert_eq!(check(&filed), Decision::Allow);
	});
}

#[test]
fn the_tax_filing_rule_applies_only_to_outward_services_trade_of_residents() {
	build_and_execute(|| {
		// Other purposes.
		let mut goods = services(USD, usd(60_000));
		goods.purpose = Purpose::GoodsTrade;
		assert_eq!(check(&goods), Decision::Allow);
		// A non-resident paying a resident.
		let mut inward = remittance(FOREIGN_ENTERPRISE, ENTERPRISE_A, USD, usd(60_000));
		inward.purpose = Purpose::ServicesTrade;
		assert_eq!(check(&inward), Decision::Allow);
		// A domestic services payment.
		let mut domestic = payment(ENTERPRISE_A, BANK, USD, usd(60_000));
		domestic.purpose = Purpose::ServicesTrade;
		assert_eq!(check(&domestic), Decision::Allow);
	});
}

#[test]
fn a_services_payment_in_a_currency_without_a_rate_is_denied_unless_it_carries_a_filing() {
	build_and_execute(|| {
		// The threshold is in USD: without a rate for the home currency the value is unknown.
		assert_eq!(check(&services(CNY, cny(1))), deny(&[Reason::RateUnavailable]));
		let mut filed = services(CNY, cny(1));
		filed.documents.tax_filing = Some(H256::repeat_byte(7));
		assert_eq!(check(&filed), Decision::Allow);
		// Once governance sets a CNY rate, the payment is valued.
		assert_ok!(Supervision::set_rate(root(), CNY, FixedU128::from_rational(14, 100)));
		assert_eq!(check(&services(CNY, cny(1))), Decision::Allow);
	});
}

#[test]
fn a_class_b_enterprise_needs_a_trade_document_across_the_border() {
	build_and_execute(|| {
		let outward = remittance(ENTERPRISE_B, FOREIGN_ENTERPRISE, USD, usd(100));
		assert_eq!(check(&outward), deny(&[Reason::TradeDocumentRequired]));
		let inward = remittance(FOREIGN_ENTERPRISE, ENTERPRISE_B, USD, usd(100));
		assert_eq!(check(&inward), deny(&[Reason::TradeDocumentRequired]));
		let mut documented = outward.clone();
		documented.documents.trade_document = Some(H256::repeat_byte(8));
		assert_eq!(check(&documented), Decision::Allow);
		// At home, and for a class-A enterprise, no document is needed.
		assert_eq!(check(&payment(ENTERPRISE_B, BANK, USD, usd(100))), Decision::Allow);
		let class_a = remittance(ENTERPRISE_A, FOREIGN_ENTERPRISE, USD, usd(100));
		assert_eq!(check(&class_a), Decision::Allow);
	});
}

#[test]
fn a_class_c_enterprise_is_held_for_prior_review_across_the_border_and_in_fx() {
	build_and_execute(|| {
		let outward = remittance(ENTERPRISE_C, FOREIGN_ENTERPRISE, USD, usd(100));
		assert_eq!(check(&outward), hold(&[Reason::PriorReviewRequired]));
		// A trade document does not spare the review.
		let mut documented = outward.clone();
		documented.documents.trade_document = Some(H256::repeat_byte(8));
		assert_eq!(check(&documented), hold(&[Reason::PriorReviewRequired]));
		// Any conversion, at home too.
		assert_eq!(
			check(&purchase(ENTERPRISE_C, USD, usd(100))),
			hold(&[Reason::PriorReviewRequired])
		);
		let mut trade = movement(MovementKind::Trade, Some(BANK), Some(ENTERPRISE_C), HKD, 100);
		trade.counter_currency = Some(USD);
		assert_eq!(check(&trade), hold(&[Reason::PriorReviewRequired]));
		// A domestic payment goes.
		assert_eq!(check(&payment(ENTERPRISE_C, BANK, USD, usd(100))), Decision::Allow);

		// Holding it files no report and counts nothing; a review is not a report.
		decided(&outward, true);
		assert!(Reports::<Test>::iter().next().is_none());
		assert_eq!(DailyTotals::<Test>::get(person(ENTERPRISE_C)), DayTotals::default());
		assert!(events().is_empty());
		released(&outward);
		assert_eq!(
			DailyTotals::<Test>::get(person(ENTERPRISE_C)).entity,
			Sum { home: 0, usd: usd(100) }
		);
	});
}
