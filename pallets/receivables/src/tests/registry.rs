//! Registering trade documents: who may, and duplicates refused.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::kyc::Role;

#[test]
fn a_data_provider_registers_a_document() {
	build_and_execute(|| {
		register(1);
		let document = document(1);
		assert_eq!(
			(document.registrant, document.creditor, document.face_value, document.due),
			(CUSTOMS, EXPORTER, FACE, DUE)
		);
		assert_eq!((document.financed, document.collected, document.registered_at), (0, 0, START));
		assert!(document.endorsements.is_empty());
		assert_eq!(
			events(),
			vec![Event::DocumentRegistered {
				document: doc(1),
				kind: DECLARATION,
				registrant: CUSTOMS,
				creditor: EXPORTER,
				currency: CNY,
				face_value: FACE,
				due: DUE,
			}]
		);
	});
}

#[test]
fn the_exporters_bank_may_register_a_document() {
	build_and_execute(|| {
		assert_ok!(Receivables::register_document(
			RuntimeOrigin::signed(BANK_A),
			doc(1),
			DocumentKind::Invoice,
			EXPORTER,
			debtor(),
			CNY,
			FACE,
			DUE,
		));
		assert_eq!(document(1).registrant, BANK_A);
	});
}

#[test]
fn the_same_document_twice_is_refused() {
	build_and_execute(|| {
		register(1);
		assert_noop!(
			Receivables::register_document(
				RuntimeOrigin::signed(BANK_A),
				doc(1),
				DECLARATION,
				BUYER_B,
				debtor(),
				CNY,
				FACE * 2,
				DUE,
			),
			Error::<Test>::AlreadyRegistered
		);
		assert_eq!(document(1).creditor, EXPORTER);
	});
}

#[test]
fn registering_needs_a_data_provider_or_issuer_licence() {
	build_and_execute(|| {
		for who in [UNLICENSED, EXPORTER] {
			assert_noop!(
				Receivables::register_document(
					RuntimeOrigin::signed(who),
					doc(1),
					DECLARATION,
					EXPORTER,
					debtor(),
					CNY,
					FACE,
					DUE,
				),
				Error::<Test>::NotLicensed
			);
		}
		// A lessor's licence is not a registrant's.
		Licences::mutate(|l| l.push((UNLICENSED, Role::Lessor)));
		assert_noop!(
			Receivables::register_document(
				RuntimeOrigin::signed(UNLICENSED),
				doc(1),
				DECLARATION,
				EXPORTER,
				debtor(),
				CNY,
				FACE,
				DUE,
			),
			Error::<Test>::NotLicensed
		);
	});
}

#[test]
fn registrant_and_creditor_must_be_verified_and_the_face_value_positive() {
	build_and_execute(|| {
		let call = |creditor, face| {
			Receivables::register_document(
				RuntimeOrigin::signed(CUSTOMS),
				doc(1),
				DECLARATION,
				creditor,
				debtor(),
				CNY,
				face,
				DUE,
			)
		};
		assert_noop!(call(STRANGER, FACE), Error::<Test>::NotVerified);
		assert_noop!(call(EXPORTER, 0), Error::<Test>::ZeroAmount);
		Profiles::mutate(|p| p.remove(&CUSTOMS));
		assert_noop!(call(EXPORTER, FACE), Error::<Test>::NotVerified);
	});
}
