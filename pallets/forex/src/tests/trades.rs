//! Institution FX trades settled payment-versus-payment.

use super::*;
use crate::{
	Decision, Error, MovementKind, OpenOffers, Purpose, Reason, Reasons, Reserved, Trades,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

/// `BANK` offers `OTHER_BANK` 1,000 USD for 7,100 CNY until a day from now; returns the id.
fn propose() -> u64 {
	assert_ok!(Forex::propose_trade(
		RuntimeOrigin::signed(BANK),
		OTHER_BANK,
		(USD, 1_000),
		(CNY, 7_100),
		START + DAY,
		Purpose::Domestic
	));
	crate::NextOfferId::<Test>::get() - 1
}

fn untouched(who: u64) -> bool {
	balance(USD, who) == OPENING && balance(CNY, who) == OPENING
}

#[test]
fn a_proposal_reserves_the_proposers_leg() {
	build_and_execute(|| {
		let trade = propose();
		assert_eq!(balance(USD, BANK), OPENING - 1_000);
		assert_eq!(Reserved::<Test>::get(BANK, USD), 1_000);
		assert_eq!(OpenOffers::<Test>::get(BANK), 1);
		assert_eq!(
			last_event(),
			Event::TradeProposed {
				trade,
				proposer: BANK,
				counterparty: OTHER_BANK,
				give: (USD, 1_000),
				take: (CNY, 7_100),
				expires_at: START + DAY,
			}
		);
		assert_eq!(Forex::open_trades(Some(OTHER_BANK)).len(), 1);
		assert!(Forex::open_trades(Some(ALICE)).is_empty());
	});
}

#[test]
fn only_institutions_trade_valid_terms() {
	build_and_execute(|| {
		let propose = |who, to, give, take, expires| {
			Forex::propose_trade(
				RuntimeOrigin::signed(who),
				to,
				give,
				take,
				expires,
				Purpose::Domestic,
			)
		};
		let day = START + DAY;
		assert_noop!(
			propose(ENTERPRISE, BANK, (USD, 1), (CNY, 7), day),
			Error::<Test>::NotInstitution
		);
		assert_noop!(propose(BANK, ALICE, (USD, 1), (CNY, 7), day), Error::<Test>::NotInstitution);
		assert_noop!(propose(BANK, BANK, (USD, 1), (CNY, 7), day), Error::<Test>::SelfPayment);
		assert_noop!(
			propose(BANK, OTHER_BANK, (USD, 1), (USD, 7), day),
			Error::<Test>::SameCurrency
		);
		assert_noop!(
			propose(BANK, OTHER_BANK, (USD, 1), (EUR, 7), day),
			Error::<Test>::CurrencyNotFound
		);
		assert_noop!(propose(BANK, OTHER_BANK, (USD, 1), (CNY, 0), day), Error::<Test>::ZeroAmount);
		assert_noop!(
			propose(BANK, OTHER_BANK, (USD, OPENING + 1), (CNY, 7), day),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			propose(BANK, OTHER_BANK, (USD, 1), (CNY, 7), START),
			Error::<Test>::InvalidExpiry
		);
	});
}

#[test]
fn accepting_swaps_both_legs_at_once() {
	build_and_execute(|| {
		let trade = propose();
		assert_noop!(
			Forex::accept_trade(RuntimeOrigin::signed(ALICE), trade),
			Error::<Test>::NotCounterparty
		);
		assert_ok!(Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		assert_eq!((balance(USD, BANK), balance(CNY, BANK)), (OPENING - 1_000, OPENING + 7_100));
		assert_eq!(
			(balance(USD, OTHER_BANK), balance(CNY, OTHER_BANK)),
			(OPENING + 1_000, OPENING - 7_100)
		);
		assert_eq!(Reserved::<Test>::get(BANK, USD), 0);
		assert!(Trades::<Test>::get(trade).is_none());
		assert_eq!(OpenOffers::<Test>::get(BANK), 0);
		assert_eq!(last_record().kind, MovementKind::Trade);
		assert_eq!(
			last_event(),
			Event::TradeSettled {
				reference: last_reference(),
				trade,
				proposer: BANK,
				counterparty: OTHER_BANK,
				status: PaymentStatus::Executed,
			}
		);
		assert_eq!(Told::get().len(), 2, "both legs supervised");
	});
}

#[test]
fn a_counterparty_without_its_leg_cannot_accept_and_nothing_moves() {
	build_and_execute(|| {
		assert_ok!(Forex::propose_trade(
			RuntimeOrigin::signed(BANK),
			OTHER_BANK,
			(USD, 1_000),
			(CNY, OPENING + 1),
			START + DAY,
			Purpose::Domestic
		));
		let trade = crate::NextOfferId::<Test>::get() - 1;
		assert_noop!(
			Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn declining_returns_the_reservation() {
	build_and_execute(|| {
		let trade = propose();
		assert_noop!(
			Forex::decline_trade(RuntimeOrigin::signed(BANK), trade),
			Error::<Test>::NotCounterparty
		);
		assert_ok!(Forex::decline_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		assert!(untouched(BANK));
		assert_eq!(last_event(), Event::TradeDeclined { trade });
		assert_noop!(
			Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade),
			Error::<Test>::TradeNotFound
		);
	});
}

#[test]
fn the_proposer_cancels_any_time_and_anyone_once_expired() {
	build_and_execute(|| {
		let trade = propose();
		assert_noop!(
			Forex::cancel_trade(RuntimeOrigin::signed(ALICE), trade),
			Error::<Test>::NotProposer
		);
		assert_ok!(Forex::cancel_trade(RuntimeOrigin::signed(BANK), trade));
		assert!(untouched(BANK));
		assert_eq!(last_event(), Event::TradeCancelled { trade });

		let trade = propose();
		Now::set(START + DAY);
		assert_noop!(
			Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade),
			Error::<Test>::TradeExpired
		);
		assert_ok!(Forex::cancel_trade(RuntimeOrigin::signed(ALICE), trade));
		assert!(untouched(BANK));
		assert_noop!(Forex::cancel_trade(RuntimeOrigin::none(), trade), DispatchError::BadOrigin);
	});
}

#[test]
fn a_held_trade_reserves_both_legs_until_a_supervisor_decides() {
	build_and_execute(|| {
		let trade = propose();
		supervision_answers(OTHER_BANK, Decision::Hold(Reasons::of(&[Reason::Structuring])));
		assert_ok!(Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		let reference = last_reference();
		assert_eq!(last_status(), PaymentStatus::Held);
		assert_eq!(Reserved::<Test>::get(BANK, USD), 1_000);
		assert_eq!(Reserved::<Test>::get(OTHER_BANK, CNY), 7_100);
		assert!(Trades::<Test>::get(trade).is_none(), "the offer is settled, by review");
		assert_ok!(Forex::reject(RuntimeOrigin::signed(SUPERVISOR), reference));
		assert!(untouched(BANK) && untouched(OTHER_BANK));
	});
}

#[test]
fn a_released_trade_swaps_both_legs() {
	build_and_execute(|| {
		let trade = propose();
		supervision_answers(BANK, Decision::Hold(Reasons::of(&[Reason::PriorReviewRequired])));
		assert_ok!(Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		assert_ok!(Forex::release(RuntimeOrigin::signed(SUPERVISOR), last_reference()));
		assert_eq!(balance(CNY, BANK), OPENING + 7_100);
		assert_eq!(balance(USD, OTHER_BANK), OPENING + 1_000);
	});
}

#[test]
fn a_denied_trade_closes_and_returns_the_reservation() {
	build_and_execute(|| {
		let trade = propose();
		supervision_answers(BANK, Decision::Deny(Reasons::of(&[Reason::CurrencyFrozen])));
		assert_ok!(Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		assert_eq!(last_status(), PaymentStatus::Denied);
		assert!(untouched(BANK) && untouched(OTHER_BANK));
		assert!(Trades::<Test>::get(trade).is_none());
	});
}

#[test]
fn a_trade_between_institutions_across_a_border_needs_an_international_purpose() {
	build_and_execute(|| {
		use fxchain_primitives::kyc::{EntityType, Residency};
		Profiles::mutate(|all| {
			all.insert(
				OTHER_BANK,
				profile(2, EntityType::Institution, Residency::NonResident, b"US"),
			)
		});
		let offer = |purpose| {
			Forex::propose_trade(
				RuntimeOrigin::signed(BANK),
				OTHER_BANK,
				(USD, 1_000),
				(CNY, 7_100),
				START + DAY,
				purpose,
			)
		};
		assert_noop!(offer(Purpose::Domestic), Error::<Test>::PurposeRequired);
		assert_ok!(offer(Purpose::FinancialAccount));
		let trade = crate::NextOfferId::<Test>::get() - 1;
		assert_ok!(Forex::accept_trade(RuntimeOrigin::signed(OTHER_BANK), trade));
		assert!(last_record().cross_border);
		assert_eq!(last_record().purpose, Purpose::FinancialAccount);
	});
}
