//! Quotes and conversions: both legs settle in one call or neither does.

use super::*;
use crate::{
	Decision, Error, MovementKind, OpenOffers, Purpose, Quotes, Reason, Reasons, Reserved,
};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::Role;
use sp_runtime::{DispatchError, FixedU128};

/// 7.1234 CNY per USD (both with two decimals, so also fen per cent).
fn rate() -> FixedU128 {
	FixedU128::from_rational(71_234, 10_000)
}

/// `BANK` sells up to 10,000 USD cents for CNY at `rate()`, for a day; returns the quote id.
fn post_usd_quote() -> u64 {
	assert_ok!(Forex::post_quote(
		RuntimeOrigin::signed(BANK),
		USD,
		CNY,
		rate(),
		10_000,
		START + DAY
	));
	crate::NextOfferId::<Test>::get() - 1
}

#[test]
fn a_market_maker_posts_a_quote() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		let posted = Quotes::<Test>::get(quote).expect("open");
		assert_eq!(
			(posted.maker, posted.offer, posted.ask, posted.remaining),
			(BANK, USD, CNY, 10_000)
		);
		assert_eq!(OpenOffers::<Test>::get(BANK), 1);
		assert_eq!(
			last_event(),
			Event::QuotePosted {
				quote,
				maker: BANK,
				offer: USD,
				ask: CNY,
				rate: rate(),
				amount: 10_000,
				expires_at: START + DAY,
			}
		);
		assert_eq!(Forex::open_quotes(Some(BANK)).len(), 1);
		assert!(Forex::open_quotes(Some(OTHER_BANK)).is_empty());
	});
}

#[test]
fn only_licensed_verified_market_makers_quote_valid_terms() {
	build_and_execute(|| {
		let post = |who, offer, ask, rate, amount, expires| {
			Forex::post_quote(RuntimeOrigin::signed(who), offer, ask, rate, amount, expires)
		};
		let day = START + DAY;
		assert_noop!(post(ALICE, USD, CNY, rate(), 1, day), Error::<Test>::NotMarketMaker);
		assert_noop!(post(BANK, USD, USD, rate(), 1, day), Error::<Test>::SameCurrency);
		assert_noop!(post(BANK, EUR, CNY, rate(), 1, day), Error::<Test>::CurrencyNotFound);
		assert_noop!(post(BANK, USD, EUR, rate(), 1, day), Error::<Test>::CurrencyNotFound);
		assert_noop!(post(BANK, USD, CNY, FixedU128::from(0), 1, day), Error::<Test>::InvalidRate);
		assert_noop!(post(BANK, USD, CNY, rate(), 0, day), Error::<Test>::ZeroAmount);
		assert_noop!(post(BANK, USD, CNY, rate(), 1, START), Error::<Test>::InvalidExpiry);
		assert_noop!(
			post(BANK, USD, CNY, rate(), 1, START + MAX_LIFETIME + 1),
			Error::<Test>::InvalidExpiry
		);
		for _ in 0..MAX_OFFERS {
			assert_ok!(post(BANK, USD, CNY, rate(), 1, day));
		}
		assert_noop!(post(BANK, USD, CNY, rate(), 1, day), Error::<Test>::TooManyOffers);
	});
}

#[test]
fn a_customer_converts_at_the_quote_both_legs_at_once_rounding_against_the_maker() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		// 1,001 cents at 7.1234 = 7,130.5234 fen: the customer pays 7,130.
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(ALICE),
			quote,
			1_001,
			7_131,
			Purpose::Domestic
		));
		assert_eq!(balance(USD, ALICE), OPENING + 1_001);
		assert_eq!(balance(CNY, ALICE), OPENING - 7_130);
		assert_eq!(balance(USD, BANK), OPENING - 1_001);
		assert_eq!(balance(CNY, BANK), OPENING + 7_130);
		assert_eq!(Quotes::<Test>::get(quote).expect("still open").remaining, 10_000 - 1_001);
		let record = last_record();
		assert_eq!(record.kind, MovementKind::Conversion);
		assert_eq!(record.legs.len(), 2);
		assert_eq!(
			last_event(),
			Event::Exchanged {
				reference: last_reference(),
				quote,
				customer: ALICE,
				maker: BANK,
				received: (USD, 1_001),
				paid: (CNY, 7_130),
				status: PaymentStatus::Executed,
			}
		);
		// Both legs were supervised: the maker's sale and the customer's payment.
		let told: Vec<_> = Told::get()
			.into_iter()
			.map(|(m, _)| (m.kind, m.from, m.to, m.currency, m.amount))
			.collect();
		assert_eq!(
			told,
			vec![
				(MovementKind::Conversion, Some(BANK), Some(ALICE), USD, 1_001),
				(MovementKind::Conversion, Some(ALICE), Some(BANK), CNY, 7_130),
			]
		);
	});
}

#[test]
fn taking_the_whole_quote_closes_it() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(ALICE),
			quote,
			10_000,
			u128::MAX,
			Purpose::Domestic
		));
		assert!(Quotes::<Test>::get(quote).is_none());
		assert_eq!(OpenOffers::<Test>::get(BANK), 0);
	});
}

#[test]
fn a_conversion_is_refused_whole_when_a_leg_cannot_settle() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		let alice = RuntimeOrigin::signed(ALICE);
		assert_noop!(
			Forex::exchange(alice.clone(), quote, 1_001, 7_129, Purpose::Domestic),
			Error::<Test>::PriceAboveLimit
		);
		assert_noop!(
			Forex::exchange(alice.clone(), quote, 10_001, u128::MAX, Purpose::Domestic),
			Error::<Test>::QuoteExhausted
		);
		assert_noop!(
			Forex::exchange(alice.clone(), quote, 0, 1, Purpose::Domestic),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Forex::exchange(alice.clone(), 77, 1, 1, Purpose::Domestic),
			Error::<Test>::QuoteNotFound
		);
		assert_noop!(
			Forex::exchange(RuntimeOrigin::signed(BANK), quote, 1, 100, Purpose::Domestic),
			Error::<Test>::SelfPayment
		);
		assert_noop!(
			Forex::exchange(RuntimeOrigin::signed(STRANGER), quote, 1, 100, Purpose::Domestic),
			Error::<Test>::NotVerified
		);
		// The customer lacks CNY.
		assert_ok!(Forex::pay(
			alice.clone(),
			BOB,
			CNY,
			OPENING - 100,
			crate::Purpose::Domestic,
			None,
			Default::default()
		));
		assert_noop!(
			Forex::exchange(alice.clone(), quote, 1_000, u128::MAX, Purpose::Domestic),
			Error::<Test>::InsufficientBalance
		);
		// The maker lost its licence.
		Licensed::mutate(|all| all.retain(|l| *l != (BANK, Role::MarketMaker)));
		assert_noop!(
			Forex::exchange(alice, quote, 1, 100, Purpose::Domestic),
			Error::<Test>::NotMarketMaker
		);
	});
}

#[test]
fn a_maker_without_the_funds_cannot_settle() {
	build_and_execute(|| {
		assert_ok!(Forex::post_quote(
			RuntimeOrigin::signed(OTHER_BANK),
			USD,
			CNY,
			rate(),
			OPENING * 2,
			START + DAY
		));
		let quote = crate::NextOfferId::<Test>::get() - 1;
		assert_noop!(
			Forex::exchange(
				RuntimeOrigin::signed(ALICE),
				quote,
				OPENING + 1,
				u128::MAX,
				Purpose::Domestic
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_tiny_amount_that_would_cost_nothing_is_refused() {
	build_and_execute(|| {
		assert_ok!(Forex::post_quote(
			RuntimeOrigin::signed(BANK),
			CNY,
			USD,
			FixedU128::from_rational(14, 100),
			10_000,
			START + DAY
		));
		let quote = crate::NextOfferId::<Test>::get() - 1;
		// 7 fen at 0.14 cents each is 0.98 cents: rounds to nothing.
		assert_noop!(
			Forex::exchange(RuntimeOrigin::signed(ALICE), quote, 7, 10, Purpose::Domestic),
			Error::<Test>::AmountTooSmall
		);
		assert_ok!(Forex::exchange(RuntimeOrigin::signed(ALICE), quote, 8, 10, Purpose::Domestic));
		assert_eq!(balance(USD, ALICE), OPENING - 1);
	});
}

#[test]
fn an_expired_quote_cannot_be_taken_and_anyone_may_remove_it() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		assert_noop!(
			Forex::withdraw_quote(RuntimeOrigin::signed(ALICE), quote),
			Error::<Test>::NotExpired
		);
		Now::set(START + DAY);
		assert_noop!(
			Forex::exchange(RuntimeOrigin::signed(ALICE), quote, 1, 100, Purpose::Domestic),
			Error::<Test>::QuoteExpired
		);
		assert!(Forex::open_quotes(None).is_empty());
		assert_ok!(Forex::withdraw_quote(RuntimeOrigin::signed(ALICE), quote));
		assert_eq!(last_event(), Event::QuoteWithdrawn { quote });
		assert_eq!(OpenOffers::<Test>::get(BANK), 0);
	});
}

#[test]
fn a_maker_withdraws_its_quote_at_any_time() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		assert_ok!(Forex::withdraw_quote(RuntimeOrigin::signed(BANK), quote));
		assert!(Quotes::<Test>::get(quote).is_none());
		assert_noop!(
			Forex::withdraw_quote(RuntimeOrigin::signed(BANK), quote),
			Error::<Test>::QuoteNotFound
		);
		assert_noop!(Forex::withdraw_quote(RuntimeOrigin::none(), quote), DispatchError::BadOrigin);
	});
}

#[test]
fn a_held_conversion_reserves_both_legs_and_settles_both_on_release() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		supervision_answers(ALICE, Decision::Hold(Reasons::of(&[Reason::Structuring])));
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(ALICE),
			quote,
			1_000,
			u128::MAX,
			Purpose::Domestic
		));
		let reference = last_reference();
		assert_eq!(last_status(), PaymentStatus::Held);
		assert_eq!(Reserved::<Test>::get(BANK, USD), 1_000);
		assert_eq!(Reserved::<Test>::get(ALICE, CNY), 7_123);
		assert_eq!(balance(USD, ALICE), OPENING);
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert_eq!(balance(USD, ALICE), OPENING + 1_000);
		assert_eq!(balance(CNY, BANK), OPENING + 7_123);
		assert_eq!(last_status(), PaymentStatus::Released);
	});
}

#[test]
fn a_rejected_conversion_returns_both_legs() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		supervision_answers(BANK, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(ALICE),
			quote,
			1_000,
			u128::MAX,
			Purpose::Domestic
		));
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), last_reference()));
		for who in [ALICE, BANK] {
			assert_eq!((balance(USD, who), balance(CNY, who)), (OPENING, OPENING));
		}
	});
}

#[test]
fn a_denied_conversion_moves_neither_leg_and_leaves_the_quote_whole() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		let reasons = Reasons::of(&[Reason::PurchaseQuotaExceeded]);
		// Supervision refuses the customer's leg only; the maker's leg alone would pass.
		supervision_answers(ALICE, Decision::Deny(reasons));
		assert_ok!(Forex::exchange(
			RuntimeOrigin::signed(ALICE),
			quote,
			1_000,
			u128::MAX,
			Purpose::Domestic
		));
		assert_eq!(last_status(), PaymentStatus::Denied);
		for who in [ALICE, BANK] {
			assert_eq!((balance(USD, who), balance(CNY, who)), (OPENING, OPENING));
		}
		assert_eq!(Quotes::<Test>::get(quote).expect("open").remaining, 10_000);
		assert!(Told::get().is_empty());
	});
}

#[test]
fn a_cross_border_conversion_needs_an_international_purpose() {
	build_and_execute(|| {
		let quote = post_usd_quote();
		let buyer = RuntimeOrigin::signed(NON_RESIDENT);
		assert_noop!(
			Forex::exchange(buyer.clone(), quote, 100, u128::MAX, Purpose::Domestic),
			Error::<Test>::PurposeRequired
		);
		assert_ok!(Forex::exchange(buyer, quote, 100, u128::MAX, Purpose::CurrentTransfer));
		assert!(last_record().cross_border);
		assert_eq!(last_record().purpose, Purpose::CurrentTransfer);
	});
}
