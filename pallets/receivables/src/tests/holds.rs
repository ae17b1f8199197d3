//! Payments supervision holds for review: nothing changes until a supervisor decides; a
//! release applies the payment, a rejection leaves everything as it was.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::receivables::ReceivableId;

/// `BANK_A` finances 50,000 on document 1 and 30,000 on document 2, executed.
fn financed() -> FinancingId {
	fund_all();
	register(1);
	register(2);
	finance(BANK_A, &[(1, 50_000), (2, 30_000)])
}

#[test]
fn a_held_repayment_changes_nothing_until_released() {
	build_and_execute(|| {
		let id = financed();
		let before = (financing(id), document(1), document(2));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 80_000));
		let reference = last_reference();
		assert_eq!(
			events().last(),
			Some(&Event::RepaymentHeld { financing: id, reference, amount: 80_000 })
		);
		assert_eq!(financing(id).in_review, Some(reference));
		assert_eq!(financing(id).outstanding, before.0.outstanding);
		assert_eq!((document(1), document(2)), (before.1, before.2));
		// Meanwhile neither another repayment nor a release.
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 1),
			Error::<Test>::PaymentInReview
		);
		assert_noop!(
			Receivables::release(RuntimeOrigin::signed(BANK_A), id),
			Error::<Test>::PaymentInReview
		);
		conclude(reference, true);
		let record = financing(id);
		assert_eq!((record.status, record.in_review), (FinancingStatus::Repaid, None));
		assert!(endorsements(1).is_empty() && endorsements(2).is_empty());
		assert_eq!(free(BANK_A), FUNDS);
		assert!(InReview::<Test>::get(reference).is_none());
	});
}

#[test]
fn a_rejected_repayment_leaves_the_financing_as_it_was() {
	build_and_execute(|| {
		let id = financed();
		let before = (financing(id), document(1), document(2), free(EXPORTER));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 30_000));
		let reference = last_reference();
		conclude(reference, false);
		assert_eq!((financing(id), document(1), document(2), free(EXPORTER)), before);
		assert_eq!(events().last(), Some(&Event::RepaymentReturned { financing: id, reference }));
		Mode::set(Supervision::Execute);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 30_000));
	});
}

#[test]
fn a_held_document_payment_changes_nothing_until_released() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let before = document(1);
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 40_000));
		let reference = last_reference();
		assert_eq!(
			events().last(),
			Some(&Event::DocumentPaymentHeld { document: doc(1), reference, amount: 40_000 })
		);
		assert_eq!(document(1).collected, 0);
		assert_eq!(document(1).in_review, Some(reference));
		assert!(Collections::get().is_empty());
		Mode::set(Supervision::Execute);
		// A document in review can be neither paid again nor financed.
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 1),
			Error::<Test>::PaymentInReview
		);
		assert_noop!(
			Receivables::finance(RuntimeOrigin::signed(BANK_A), lines(&[(1, 1)])),
			Error::<Test>::PaymentInReview
		);
		conclude(reference, true);
		assert_eq!(document(1), Document { collected: 40_000, ..before });
		assert_eq!(free(EXPORTER), FUNDS + 40_000);
		assert_eq!(
			Collections::get(),
			vec![(ReceivableId::Document(doc(1)), EXPORTER, CNY, 40_000)]
		);
	});
}

#[test]
fn a_released_payment_to_a_holder_bank_repays_its_financing() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 60_000)]);
		let receivable = ReceivableId::Document(doc(1));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BANK_A
		));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_A), receivable));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 60_000));
		assert_eq!(financing(id).outstanding, 60_000);
		conclude(last_reference(), true);
		assert_eq!(financing(id).status, FinancingStatus::Repaid);
		assert!(endorsements(1).is_empty());
	});
}

#[test]
fn a_rejected_document_payment_leaves_the_document_as_it_was() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let before = document(1);
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 40_000));
		let reference = last_reference();
		conclude(reference, false);
		assert_eq!(document(1), before);
		assert_eq!(free(IMPORTER), FUNDS);
		assert!(Collections::get().is_empty());
		assert_eq!(
			events().last(),
			Some(&Event::DocumentPaymentReturned { document: doc(1), reference })
		);
	});
}

#[test]
fn a_conclusion_of_someone_elses_transfer_is_ignored() {
	build_and_execute(|| {
		let id = financed();
		let before = (financing(id), document(1));
		<Receivables as fxchain_primitives::forex::LedgerObserver>::concluded(
			&sp_core::H256::repeat_byte(0x42),
			true,
		);
		assert_eq!((financing(id), document(1)), before);
	});
}

#[test]
fn a_repayment_waits_for_a_held_payment_of_its_documents() {
	build_and_execute(|| {
		let id = financed();
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(2), 10_000));
		let reference = last_reference();
		Mode::set(Supervision::Execute);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 10_000),
			Error::<Test>::PaymentInReview
		);
		conclude(reference, false);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 10_000));
	});
}

#[test]
fn a_collection_for_the_bank_waits_for_its_held_repayment() {
	build_and_execute(|| {
		let id = financed();
		let receivable = ReceivableId::Document(doc(1));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BANK_A
		));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_A), receivable));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 80_000));
		let reference = last_reference();
		Mode::set(Supervision::Execute);
		// The debtor's payment would repay bank A's financing too: it waits.
		assert_noop!(
			Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 50_000),
			Error::<Test>::PaymentInReview
		);
		// A payment that repays no financing in review goes ahead (document 2's holder is the
		// exporter).
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(2), 5_000));
		conclude(reference, true);
		assert_eq!(financing(id).status, FinancingStatus::Repaid);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 50_000));
		assert_eq!(document(1).collected, 50_000);
	});
}

#[test]
fn a_financing_released_while_its_bank_is_paid_in_review_is_not_repaid_again() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 60_000)]);
		let receivable = ReceivableId::Document(doc(1));
		assert_ok!(Receivables::offer_assignment(
			RuntimeOrigin::signed(EXPORTER),
			receivable,
			BANK_A
		));
		assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_A), receivable));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 60_000));
		let reference = last_reference();
		// The bank settles off chain and releases while the debtor's payment is in review.
		assert_ok!(Receivables::release(RuntimeOrigin::signed(BANK_A), id));
		let released = financing(id);
		conclude(reference, true);
		// The payment reaches the bank as the holder; the released financing is not touched.
		assert_eq!(financing(id), released);
		assert_eq!(document(1).collected, 60_000);
		assert!(endorsements(1).is_empty());
		assert!(!events().iter().any(|e| matches!(e, Event::Repaid { .. })));
	});
}

#[test]
fn a_financing_closed_by_one_collection_ignores_the_other_lines_payment_in_review() {
	build_and_execute(|| {
		let id = financed();
		for n in [1, 2] {
			let receivable = ReceivableId::Document(doc(n));
			assert_ok!(Receivables::offer_assignment(
				RuntimeOrigin::signed(EXPORTER),
				receivable,
				BANK_A
			));
			assert_ok!(Receivables::register_assignment(RuntimeOrigin::signed(BANK_A), receivable));
		}
		// Document 1's line is repaid (line order), document 2's is left.
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 50_000));
		Mode::set(Supervision::Hold);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 10_000));
		let reference = last_reference();
		Mode::set(Supervision::Execute);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(2), 30_000));
		assert_eq!(financing(id).status, FinancingStatus::Repaid);
		let closed = financing(id);
		let bank_before = free(BANK_A);
		conclude(reference, true);
		assert_eq!(financing(id), closed);
		assert_eq!(document(1).collected, 10_000);
		assert_eq!(free(BANK_A), bank_before + 10_000);
	});
}

#[test]
fn a_rejected_disbursement_voids_the_financing() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Mode::set(Supervision::Hold);
		let id = finance(BANK_A, &[(1, FACE)]);
		let reference = last_reference();
		System::assert_has_event(Event::DisbursementHeld { financing: id, reference }.into());
		// While the disbursement is in review the document is protected, and nothing of the
		// financing moves: the borrower cannot repay what it has not received.
		assert_eq!(Receivables::document_status(doc(1)).unwrap().available, 0);
		Mode::set(Supervision::Execute);
		assert_noop!(
			Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, 1),
			Error::<Test>::PaymentInReview
		);
		assert_noop!(
			Receivables::release(RuntimeOrigin::signed(BANK_A), id),
			Error::<Test>::PaymentInReview
		);
		conclude(reference, false);
		assert_eq!(free(BANK_A), FUNDS);
		System::assert_has_event(Event::DisbursementReturned { financing: id, reference }.into());
		assert_eq!(financing(id).status, FinancingStatus::Released);
		assert_eq!(financing(id).outstanding, 0);
		let status = Receivables::document_status(doc(1)).unwrap();
		assert_eq!((status.available, status.financed), (FACE, 0));
		assert!(status.endorsements.is_empty());
	});
}

#[test]
fn a_released_disbursement_lets_the_financing_run() {
	build_and_execute(|| {
		fund_all();
		register(1);
		Mode::set(Supervision::Hold);
		let id = finance(BANK_A, &[(1, FACE)]);
		let reference = last_reference();
		Mode::set(Supervision::Execute);
		conclude(reference, true);
		System::assert_has_event(Event::DisbursementReleased { financing: id, reference }.into());
		assert_eq!(financing(id).in_review, None);
		assert_ok!(Receivables::repay(RuntimeOrigin::signed(EXPORTER), id, FACE));
		assert_eq!(financing(id).status, FinancingStatus::Repaid);
	});
}
