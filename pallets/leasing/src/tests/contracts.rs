//! Contracts: drafting, withdrawing or declining a draft, and signing.

use super::common::*;
use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use fxchain_primitives::supervision::DAY;
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

/// What the mock ledger answers when a balance is too small.
const INSUFFICIENT: DispatchError = DispatchError::Other("insufficient balance");

/// The standard lease's schedule hash: Blake2-256 of the SCALE-encoded hand-computed table.
fn standard_hash() -> H256 {
	H256(sp_io::hashing::blake2_256(&instalments(&STANDARD_TABLE).encode()))
}

#[test]
fn a_draft_stores_the_lease_its_schedule_and_the_index() {
	build_and_execute(|| {
		register(LESSOR, machine());
		Now::set(START + 7_000);
		assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()));
		assert_eq!(
			Leases::<Test>::get(0),
			Some(Lease {
				lessor: LESSOR,
				lessee: LESSEE,
				asset: machine(),
				terms: terms(),
				schedule_hash: standard_hash(),
				total_rent: TOTAL_RENT,
				status: LeaseStatus::Draft,
				drafted_at: START + 7_000,
				start: 0,
				paid: 0,
				fees_paid: 0,
				deposit: 0,
				auto_pay: false,
				collect_at: None,
				in_review: None,
			})
		);
		assert_eq!(Schedules::<Test>::get(0).unwrap().into_inner(), instalments(&STANDARD_TABLE));
		assert_eq!(Leasing::leases_of(&LESSOR), vec![0]);
		assert_eq!(Leasing::leases_of(&LESSEE), vec![0]);
		assert_eq!(NextLeaseId::<Test>::get(), 1);
		// Nothing is reserved or encumbered until the lessee signs.
		assert_eq!(reserved(LESSEE), 0);
		assert_eq!(Assets::<Test>::get(machine()).unwrap().encumbrance, None);
	});
}

#[test]
fn the_drafted_event_carries_the_hash_of_the_encoded_schedule_and_the_total_rent() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()));
		System::assert_last_event(
			Event::LeaseDrafted {
				lease: 0,
				lessor: LESSOR,
				lessee: LESSEE,
				asset: machine(),
				schedule_hash: standard_hash(),
				total_rent: TOTAL_RENT,
			}
			.into(),
		);
	});
}

#[test]
fn drafts_are_numbered_in_order() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_eq!(draft_lease(LESSEE, terms()), 0);
		assert_eq!(draft_lease(FOREIGN_LESSEE, terms()), 1);
		assert_eq!(NextLeaseId::<Test>::get(), 2);
		let mut of_lessor = Leasing::leases_of(&LESSOR);
		of_lessor.sort();
		assert_eq!(of_lessor, vec![0, 1]);
		assert_eq!(Leasing::leases_of(&FOREIGN_LESSEE), vec![1]);
	});
}

#[test]
fn drafting_needs_a_lessor_licence() {
	build_and_execute(|| {
		register(UNLICENSED, machine());
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(UNLICENSED), LESSEE, machine(), terms()),
			Error::<Test>::NotLicensed
		);
	});
}

#[test]
fn a_licensed_lessor_whose_verification_lapsed_cannot_draft() {
	build_and_execute(|| {
		register(LESSOR, machine());
		Profiles::mutate(|profiles| profiles.remove(&LESSOR));
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn drafting_for_an_unverified_lessee_is_refused() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), STRANGER, machine(), terms()),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn a_lessor_cannot_lease_to_itself() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSOR, machine(), terms()),
			Error::<Test>::SelfLease
		);
	});
}

#[test]
fn a_lessor_drafts_only_on_an_asset_it_holds() {
	build_and_execute(|| {
		register(OTHER_LESSOR, machine());
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, H256::repeat_byte(1), terms()),
			Error::<Test>::AssetNotFound
		);
	});
}

#[test]
fn terms_that_make_no_sense_are_refused() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let bad = [
			("zero principal", Terms { principal: 0, ..terms() }),
			("no instalments", Terms { instalments: 0, ..terms() }),
			("more than MaxInstalments = 360", Terms { instalments: 361, ..terms() }),
			("u16::MAX instalments", Terms { instalments: u16::MAX, ..terms() }),
			("period below MinPeriod = 60_000", Terms { period: 59_999, ..terms() }),
			("zero period", Terms { period: 0, ..terms() }),
			(
				"trigger of no instalment",
				Terms {
					trigger: DefaultTrigger { instalments: 0, ..Default::default() },
					..terms()
				},
			),
			(
				"trigger of a zero share",
				Terms {
					trigger: DefaultTrigger { share: Perbill::zero(), ..Default::default() },
					..terms()
				},
			),
		];
		for (what, terms) in bad {
			let draft = || Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms);
			assert_eq!(draft(), Err(Error::<Test>::InvalidTerms.into()), "{what}");
			assert_noop!(draft(), Error::<Test>::InvalidTerms);
		}
		assert_eq!(NextLeaseId::<Test>::get(), 0);
	});
}

#[test]
fn terms_at_the_limits_are_accepted() {
	build_and_execute(|| {
		register(LESSOR, machine());
		// The least principal is now one minor unit per instalment (a principal of 1 over 360
		// instalments, accepted before, leaves instalments without rent): at a zero rate with
		// equal principal, every instalment repays exactly 1.
		let limits = Terms {
			principal: 360,
			rate: Perbill::zero(),
			method: Method::EqualPrincipal,
			instalments: 360,
			period: 60_000,
			trigger: DefaultTrigger { instalments: 1, share: Perbill::from_parts(1) },
			..terms()
		};
		let id = draft_lease(LESSEE, limits);
		let rows = Schedules::<Test>::get(id).unwrap();
		assert_eq!(rows.len(), 360);
		assert!(rows.iter().all(|row| *row == Instalment { principal: 1, interest: 0 }));
	});
}

#[test]
fn a_schedule_with_an_instalment_of_no_rent_is_refused() {
	build_and_execute(|| {
		register(LESSOR, machine());
		// At a zero rate, equal principal of 11 over 12 instalments repays ⌊11 / 12⌋ = 0 in
		// instalments 1 to 11 and all 11 in the last: eleven instalments of no rent.
		let zero_rate = Terms {
			principal: 11,
			rate: Perbill::zero(),
			method: Method::EqualPrincipal,
			instalments: 12,
			..terms()
		};
		let rows = schedule::compute(&zero_rate);
		assert_eq!((rows[0].rent(), rows[11].rent()), (0, 11));
		// The annuity of the same terms is ⌊11 / 12⌋ = 0 a month, the last repaying all 11.
		let annuity = Terms { method: Method::EqualInstalment, ..zero_rate };
		// A principal of 1 over 360 instalments at 1%: the annuity rent ⌊1 × 1.03%⌋ is 0.
		let tiny = Terms { principal: 1, instalments: 360, ..terms() };
		let refused = [("equal principal", zero_rate), ("annuity", annuity), ("tiny", tiny)];
		for (what, terms) in refused {
			let draft = || Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms);
			assert_eq!(draft(), Err(Error::<Test>::InvalidTerms.into()), "{what}");
			assert_noop!(draft(), Error::<Test>::InvalidTerms);
		}
		assert_eq!(NextLeaseId::<Test>::get(), 0);
		// One minor unit per instalment is enough.
		draft_lease(LESSEE, Terms { principal: 12, ..zero_rate });
	});
}

#[test]
fn the_lessor_withdraws_a_draft() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		assert_ok!(Leasing::withdraw_draft(RuntimeOrigin::signed(LESSOR), id));
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::Withdrawn }.into(),
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(Schedules::<Test>::get(id).is_none());
		assert!(Leasing::leases_of(&LESSOR).is_empty());
		assert!(Leasing::leases_of(&LESSEE).is_empty());
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::LeaseNotFound
		);
	});
}

#[test]
fn the_lessee_declines_a_draft() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		assert_ok!(Leasing::withdraw_draft(RuntimeOrigin::signed(LESSEE), id));
		System::assert_last_event(
			Event::LeaseClosed { lease: id, closure: Closure::Withdrawn }.into(),
		);
		assert!(Leases::<Test>::get(id).is_none());
		assert!(Schedules::<Test>::get(id).is_none());
		assert!(LeasesOf::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_stranger_cannot_withdraw_a_draft() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		for who in [STRANGER, OTHER_LESSOR, BANK] {
			assert_noop!(
				Leasing::withdraw_draft(RuntimeOrigin::signed(who), id),
				Error::<Test>::NotParty
			);
		}
		assert_noop!(
			Leasing::withdraw_draft(RuntimeOrigin::signed(LESSOR), id + 1),
			Error::<Test>::LeaseNotFound
		);
	});
}

#[test]
fn a_signed_lease_cannot_be_withdrawn() {
	build_and_execute(|| {
		let id = signed_lease();
		for who in [LESSOR, LESSEE] {
			assert_noop!(
				Leasing::withdraw_draft(RuntimeOrigin::signed(who), id),
				Error::<Test>::WrongStatus
			);
		}
	});
}

#[test]
fn only_the_lessee_signs() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		for who in [LESSOR, STRANGER, FOREIGN_LESSEE] {
			assert_noop!(
				Leasing::sign(RuntimeOrigin::signed(who), id, standard_hash()),
				Error::<Test>::NotLessee
			);
		}
		assert_eq!(lease(id).status, LeaseStatus::Draft);
	});
}

#[test]
fn signing_another_schedule_hash_is_refused() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		// The hash of another schedule: the same terms over 11 instalments.
		let other = schedule::compute(&Terms { instalments: 11, ..terms() });
		let other_hash = H256(sp_io::hashing::blake2_256(&other.encode()));
		for hash in [H256::zero(), other_hash] {
			assert_noop!(
				Leasing::sign(RuntimeOrigin::signed(LESSEE), id, hash),
				Error::<Test>::ScheduleMismatch
			);
		}
		assert_eq!(reserved(LESSEE), 0);
	});
}

#[test]
fn signing_reserves_the_deposit_encumbers_the_asset_and_starts_the_lease() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		let signed_at = START + 2 * DAY + 1_234;
		Now::set(signed_at);
		assert_ok!(Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()));
		assert_eq!(reserved(LESSEE), DEPOSIT);
		assert_eq!(free(LESSEE), FUNDS - DEPOSIT);
		assert_eq!(
			Assets::<Test>::get(machine()).unwrap().encumbrance,
			Some((Encumbrance::Lease { lease: id, lessee: LESSEE }, signed_at))
		);
		let record = lease(id);
		assert_eq!(record.status, LeaseStatus::Active);
		assert_eq!(record.start, signed_at);
		assert_eq!(record.drafted_at, START);
		assert_eq!(record.deposit, DEPOSIT);
		assert_eq!(record.paid, 0);
		System::assert_has_event(
			Event::AssetLeased { key: machine(), lease: id, lessee: LESSEE }.into(),
		);
		System::assert_last_event(
			Event::LeaseSigned { lease: id, start: signed_at, deposit: DEPOSIT }.into(),
		);
		// Signed once; it cannot be signed again.
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::WrongStatus
		);
	});
}

#[test]
fn a_lease_without_deposit_is_signed_with_nothing_reserved() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, Terms { deposit: 0, ..terms() });
		sign(id);
		assert_eq!(reserved(LESSEE), 0);
		assert_eq!(lease(id).status, LeaseStatus::Active);
		System::assert_last_event(
			Event::LeaseSigned { lease: id, start: START, deposit: 0 }.into(),
		);
	});
}

#[test]
fn signing_without_funds_for_the_deposit_fails_and_changes_nothing() {
	build_and_execute(|| {
		fund(LESSEE, DEPOSIT - 1);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			INSUFFICIENT
		);
		assert_eq!(free(LESSEE), DEPOSIT - 1);
		assert_eq!(reserved(LESSEE), 0);
		assert_eq!(lease(id).status, LeaseStatus::Draft);
		assert_eq!(Assets::<Test>::get(machine()).unwrap().encumbrance, None);
	});
}

#[test]
fn a_lessee_whose_verification_lapsed_cannot_sign() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		Profiles::mutate(|profiles| profiles.remove(&LESSEE));
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::NotVerified
		);
	});
}

#[test]
fn a_lessee_cannot_sign_once_the_lessor_lost_its_licence() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		Lessors::set(vec![OTHER_LESSOR]);
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::NotLicensed
		);
		assert_eq!((free(LESSEE), reserved(LESSEE)), (FUNDS, 0));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().encumbrance, None);
		// Licensed again, the draft can be signed.
		Lessors::set(vec![LESSOR, OTHER_LESSOR]);
		sign(id);
		assert_eq!(lease(id).status, LeaseStatus::Active);
	});
}

#[test]
fn a_lessee_cannot_sign_once_the_lessors_verification_lapsed() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		Profiles::mutate(|profiles| profiles.remove(&LESSOR));
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::NotVerified
		);
		assert_eq!(reserved(LESSEE), 0);
		assert_eq!(lease(id).status, LeaseStatus::Draft);
	});
}

#[test]
fn a_draft_cannot_be_signed_once_the_lessor_no_longer_holds_the_asset() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		register(LESSOR, machine());
		let id = draft_lease(LESSEE, terms());
		assert_ok!(Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK));
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(LESSEE), id, standard_hash()),
			Error::<Test>::NotHolder
		);
		assert_eq!(reserved(LESSEE), 0);
	});
}

#[test]
fn a_second_draft_on_the_asset_cannot_be_signed_once_the_first_is() {
	build_and_execute(|| {
		fund(LESSEE, FUNDS);
		fund(FOREIGN_LESSEE, FUNDS);
		register(LESSOR, machine());
		let first = draft_lease(LESSEE, terms());
		// Drafts encumber nothing, so a competing draft on the same asset is allowed.
		let second = draft_lease(FOREIGN_LESSEE, terms());
		sign(first);
		let hash = lease(second).schedule_hash;
		assert_noop!(
			Leasing::sign(RuntimeOrigin::signed(FOREIGN_LESSEE), second, hash),
			Error::<Test>::AssetEncumbered
		);
		assert_eq!(lease(second).status, LeaseStatus::Draft);
		assert_eq!(reserved(FOREIGN_LESSEE), 0);
		assert_eq!(free(FOREIGN_LESSEE), FUNDS);
		assert_eq!(
			Assets::<Test>::get(machine()).unwrap().encumbrance.map(|(e, _)| e),
			Some(Encumbrance::Lease { lease: first, lessee: LESSEE })
		);
		// A third draft is refused outright now, and the second can still be declined.
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), BANK, machine(), terms()),
			Error::<Test>::AssetEncumbered
		);
		assert_ok!(Leasing::withdraw_draft(RuntimeOrigin::signed(FOREIGN_LESSEE), second));
		assert_eq!(lease(first).status, LeaseStatus::Active);
	});
}
