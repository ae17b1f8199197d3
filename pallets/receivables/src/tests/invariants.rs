//! `try_state` catches corrupted state, and the query functions report what is stored.

use super::common::*;
use crate::{mock::*, *};
use frame_support::assert_ok;

#[test]
fn try_state_catches_a_document_financed_above_its_face_value() {
	new_test_ext().execute_with(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, FACE)]);
		assert_ok!(Receivables::do_try_state());
		Documents::<Test>::mutate(doc(1), |d| {
			let d = d.as_mut().unwrap();
			d.endorsements[0].outstanding = FACE + 1;
			d.financed = FACE + 1;
		});
		Financings::<Test>::mutate(id, |f| f.as_mut().unwrap().outstanding = FACE + 1);
		assert_eq!(
			Receivables::do_try_state(),
			Err("a document is financed above its face value".into())
		);
	});
}

#[test]
fn try_state_catches_financed_differing_from_the_endorsements() {
	new_test_ext().execute_with(|| {
		fund_all();
		register(1);
		finance(BANK_A, &[(1, 10_000)]);
		Documents::<Test>::mutate(doc(1), |d| d.as_mut().unwrap().financed = 9_999);
		assert_eq!(
			Receivables::do_try_state(),
			Err("a document's financed differs from its endorsements".into())
		);
	});
}

#[test]
fn try_state_catches_a_financing_whose_outstanding_differs() {
	new_test_ext().execute_with(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 10_000)]);
		Financings::<Test>::mutate(id, |f| f.as_mut().unwrap().outstanding = 10_001);
		assert_eq!(
			Receivables::do_try_state(),
			Err("a financing's outstanding differs from its endorsements".into())
		);
	});
}

#[test]
fn try_state_catches_a_closed_financing_that_keeps_an_endorsement() {
	new_test_ext().execute_with(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 10_000)]);
		Financings::<Test>::mutate(id, |f| f.as_mut().unwrap().status = FinancingStatus::Released);
		assert_eq!(
			Receivables::do_try_state(),
			Err("an endorsement names a closed financing".into())
		);
	});
}

#[test]
fn document_status_reports_the_registry() {
	build_and_execute(|| {
		fund_all();
		register(1);
		let id = finance(BANK_A, &[(1, 30_000)]);
		assert_ok!(Receivables::pay_document(RuntimeOrigin::signed(IMPORTER), doc(1), 20_000));
		let status = Receivables::document_status(doc(1)).unwrap();
		assert_eq!(
			(status.face_value, status.financed, status.collected, status.available, status.holder),
			(FACE, 30_000, 20_000, 50_000, EXPORTER)
		);
		assert_eq!(status.endorsements.len(), 1);
		assert_eq!(status.endorsements[0].financing, id);
		assert_eq!(Receivables::document_status(doc(2)), None);
	});
}
