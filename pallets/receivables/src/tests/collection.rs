//! The debtor's payments: they follow the assignment, and repay only the holder's own
//! endorsements, in priority order.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::{forex::Purpose, receivables::ReceivableId, supervision::DAY};

#[test]
fn a_payment_reaches_the_creditor_and_the_observer() {
	build_and_execute(|| {
		fund_all();
		register(1);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 40_000));
		assert_eq!(document(1).collected, 40_000);
		assert_eq!(free(EXPORTER), FUNDS + 40_000);
		// The importer is abroad: a goods-trade payment.
		assert_eq!(Transfers::get(), vec![(IMPORTER, EXPORTER, 40_000, Purpose::GoodsTrade)]);
		assert_eq!(
			Collections::get(),
			vec![(ReceivableId::Document(doc(1)), EXPORTER, CNY, 40_000)]
		);
		assert_eq!(
			events().last(),
			Some(&Event::DocumentPaid {
				document: doc(1),
				payer: IMPORTER,
				holder: EXPORTER,
				amount: 40_000,
				collected: 40_000,
				reference: last_reference(),
			})
		);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 60_001),
			Error::<Test>::ExceedsOutstanding
		);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 60_000));
		assert_eq!(document(1).collected, FACE);
	});
}

#[test]
fn a_payment_to_a_holder_that_is_not_a_bank_repays_no_financing() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 50_000)]);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 50_000));
		assert_eq!(endorsements(1), vec![(id, BANK_A, 50_000)]);
		assert_eq!(financing(id).outstanding, 50_000);
		// Face 100,000, collected 50,000, financed 50,000: nothing available.
		assert_eq!(Receivables::document_status(doc(1)).unwrap().available, 0);
	});
}

#[test]
fn payments_follow_the_assignment_only_once_registered() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let receivable = ReceivableId::Document(doc(1));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BUYER_B
		));
		// Unregistered: the debtor still pays the creditor.
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 10_000));
		assert_eq!((free(EXPORTER), free(BUYER_B)), (FUNDS + 10_000, 0));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BUYER_B), receivable));
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 20_000));
		assert_eq!((free(EXPORTER), free(BUYER_B)), (FUNDS + 10_000, 20_000));
		assert_eq!(
			Collections::get(),
			vec![(receivable, EXPORTER, CNY, 10_000), (receivable, BUYER_B, CNY, 20_000)]
		);
		assert_eq!(Receivables::document_status(doc(1)).unwrap().holder, BUYER_B);
	});
}

#[test]
fn collections_repay_only_the_holder_banks_endorsements_oldest_first() {
	build_and_execute(|| {
		fund_all();
		register(1);
		// Bank A finances first, then bank B twice; the exporter assigns the document to bank B.
		let a = finance(BANK_A, &[(1, 40_000)]);
		Now::set(START + DAY);
		let b1 = finance(BANK_B, &[(1, 30_000)]);
		Now::set(START + 2 * DAY);
		let b2 = finance(BANK_B, &[(1, 20_000)]);
		let receivable = ReceivableId::Document(doc(1));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BANK_B
		));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_B), receivable));
		// 35,000 reaches bank B: its older financing is repaid first (and closes), then 5,000 of
		// the newer; bank A's endorsement, though oldest, is untouched.
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 35_000));
		assert_eq!(endorsements(1), vec![(a, BANK_A, 40_000), (b2, BANK_B, 15_000)]);
		assert_eq!(document(1).financed, 55_000);
		assert_eq!(financing(b1).status, FinancingStatus::Repaid);
		assert_eq!(financing(b2).outstanding, 15_000);
		assert_eq!(financing(a).outstanding, 40_000);
		let reference = last_reference();
		let tail: Vec<_> = events().into_iter().rev().take(4).collect();
		assert_eq!(
			tail,
			vec![
				Event::Repaid { financing: b2, amount: 5_000, outstanding: 15_000, reference },
				Event::FinancingClosed { financing: b1 },
				Event::Repaid { financing: b1, amount: 30_000, outstanding: 0, reference },
				Event::DocumentPaid {
					document: doc(1),
					payer: IMPORTER,
					holder: BANK_B,
					amount: 35_000,
					collected: 35_000,
					reference,
				},
			]
		);
		// No money moved but the debtor's payment.
		assert_eq!(free(BANK_B), FUNDS - 50_000 + 35_000);
	});
}

#[test]
fn a_collection_repays_one_line_of_a_multi_document_financing() {
	build_and_execute(|| {
		fund_all();
		register(1);
		register(2);
		let id = finance(BANK_A, &[(1, 50_000), (2, 30_000)]);
		let receivable = ReceivableId::Document(doc(2));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BANK_A
		));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_A), receivable));
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(2), FACE));
		assert_eq!(endorsements(2), vec![(id, BANK_A, 0)]);
		assert_eq!(endorsements(1), vec![(id, BANK_A, 50_000)]);
		assert_eq!(financing(id).outstanding, 50_000);
		assert_eq!(financing(id).status, FinancingStatus::Open);
	});
}

#[test]
fn who_may_pay_and_how_much() {
	build_and_execute(|| {
		fund_all();
		register(1);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(STRANGER), doc(1), 1),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(EXPORTER), doc(1), 1),
			Error::<Test>::SelfPayment
		);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(2), 1),
			Error::<Test>::DocumentNotFound
		);
		Mode::set(Supervision::Deny);
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 1),
			sp_runtime::DispatchError::Other("denied")
		);
		assert!(Collections::get().is_empty());
	});
}
