//! The asset registry: registration, transfer, pledges, deregistration, and the encumbrance a
//! lease puts on an asset until it closes.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;

/// A second asset.
fn truck() -> H256 {
	H256::repeat_byte(0xBB)
}

fn description() -> H256 {
	H256::repeat_byte(0xDD)
}

/// Every instalment of lease `id` paid, in turn, on its due date.
fn pay_all(id: LeaseId) {
	for number in 1..=12 {
		Now::set(due_at(number));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
	}
	assert_eq!(lease(id).status, LeaseStatus::Matured);
}

#[test]
fn registering_an_asset_gives_the_caller_title() {
	build_and_execute(|| {
		assert_ok!(Leasing::register_asset(
			RuntimeOrigin::signed(LESSOR),
			machine(),
			description()
		));
		assert_eq!(
			Assets::<Test>::get(machine()),
			Some(Asset {
				holder: LESSOR,
				description: description(),
				registered_at: START,
				encumbrance: None,
			})
		);
		System::assert_last_event(
			Event::AssetRegistered { key: machine(), holder: LESSOR, description: description() }
				.into(),
		);
	});
}

#[test]
fn a_registered_key_cannot_be_registered_again() {
	build_and_execute(|| {
		register(LESSOR, machine());
		// Neither by another party, whose registration would be later, nor by the holder.
		assert_noop!(
			Leasing::register_asset(RuntimeOrigin::signed(OTHER_LESSOR), machine(), description()),
			Error::<Test>::AssetExists
		);
		assert_noop!(
			Leasing::register_asset(RuntimeOrigin::signed(LESSOR), machine(), description()),
			Error::<Test>::AssetExists
		);
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSOR);
	});
}

#[test]
fn an_unverified_account_cannot_register_an_asset() {
	build_and_execute(|| {
		assert_noop!(
			Leasing::register_asset(RuntimeOrigin::signed(STRANGER), machine(), description()),
			Error::<Test>::NotVerified
		);
		assert!(Assets::<Test>::get(machine()).is_none());
	});
}

#[test]
fn the_holder_transfers_title_to_a_verified_account() {
	build_and_execute(|| {
		register(LESSOR, machine());
		Now::set(START + 1_000);
		assert_ok!(Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!(asset.holder, BANK);
		assert_eq!(asset.registered_at, START, "the registration keeps its priority");
		assert_eq!(asset.encumbrance, None);
		System::assert_last_event(
			Event::AssetTransferred { key: machine(), from: LESSOR, to: BANK }.into(),
		);
		// The former holder has no say any more.
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), LESSEE),
			Error::<Test>::NotHolder
		);
	});
}

#[test]
fn only_the_holder_transfers_and_only_to_a_verified_account() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSEE), machine(), LESSEE),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), STRANGER),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), truck(), BANK),
			Error::<Test>::AssetNotFound
		);
	});
}

#[test]
fn pledging_an_asset_encumbers_it_for_the_pledgee() {
	build_and_execute(|| {
		register(LESSOR, machine());
		Now::set(START + 5_000);
		assert_ok!(Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!(asset.holder, LESSOR, "a pledge does not pass title");
		assert_eq!(asset.encumbrance, Some((Encumbrance::Pledge { pledgee: BANK }, START + 5_000)));
		System::assert_last_event(
			Event::AssetPledged { key: machine(), holder: LESSOR, pledgee: BANK }.into(),
		);
	});
}

#[test]
fn only_the_holder_pledges_and_only_to_a_verified_pledgee() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(BANK), machine(), BANK),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), STRANGER),
			Error::<Test>::NotVerified
		);
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), truck(), BANK),
			Error::<Test>::AssetNotFound
		);
	});
}

#[test]
fn a_pledged_asset_cannot_be_pledged_again_transferred_deregistered_or_leased() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_ok!(Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK));
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), OTHER_LESSOR),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), OTHER_LESSOR),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::deregister_asset(RuntimeOrigin::signed(LESSOR), machine()),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()),
			Error::<Test>::AssetEncumbered
		);
	});
}

#[test]
fn only_the_pledgee_releases_a_pledge() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_ok!(Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK));
		for who in [LESSOR, OTHER_LESSOR, STRANGER] {
			assert_noop!(
				Leasing::release_pledge(RuntimeOrigin::signed(who), machine()),
				Error::<Test>::NotPledgee
			);
		}
		assert_ok!(Leasing::release_pledge(RuntimeOrigin::signed(BANK), machine()));
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!(asset.encumbrance, None);
		assert_eq!(asset.holder, LESSOR);
		System::assert_last_event(Event::AssetReleased { key: machine(), holder: LESSOR }.into());
		// Released, the holder may deal with it again, and there is no pledge left to release.
		assert_noop!(
			Leasing::release_pledge(RuntimeOrigin::signed(BANK), machine()),
			Error::<Test>::NotPledgee
		);
		assert_ok!(Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), OTHER_LESSOR));
	});
}

#[test]
fn releasing_a_pledge_on_an_unknown_asset_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			Leasing::release_pledge(RuntimeOrigin::signed(BANK), truck()),
			Error::<Test>::AssetNotFound
		);
	});
}

#[test]
fn the_holder_deregisters_an_asset_and_frees_its_key() {
	build_and_execute(|| {
		register(LESSOR, machine());
		assert_noop!(
			Leasing::deregister_asset(RuntimeOrigin::signed(OTHER_LESSOR), machine()),
			Error::<Test>::NotHolder
		);
		assert_ok!(Leasing::deregister_asset(RuntimeOrigin::signed(LESSOR), machine()));
		assert!(Assets::<Test>::get(machine()).is_none());
		System::assert_last_event(Event::AssetDeregistered { key: machine() }.into());
		assert_noop!(
			Leasing::deregister_asset(RuntimeOrigin::signed(LESSOR), machine()),
			Error::<Test>::AssetNotFound
		);
		// The key is free for a new registration.
		register(OTHER_LESSOR, machine());
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, OTHER_LESSOR);
	});
}

#[test]
fn a_leased_asset_is_barred_to_lessee_and_lessor_while_the_lease_runs() {
	build_and_execute(|| {
		let id = signed_lease();
		assert_eq!(
			Assets::<Test>::get(machine()).unwrap().encumbrance,
			Some((Encumbrance::Lease { lease: id, lessee: LESSEE }, START))
		);
		// The lessee has possession, not title.
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSEE), machine(), BANK),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSEE), machine(), BANK),
			Error::<Test>::NotHolder
		);
		// The lessor has title, but the lease bars any other dealing.
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::deregister_asset(RuntimeOrigin::signed(LESSOR), machine()),
			Error::<Test>::AssetEncumbered
		);
		assert_noop!(
			Leasing::draft(RuntimeOrigin::signed(LESSOR), BANK, machine(), terms()),
			Error::<Test>::AssetEncumbered
		);
		// Still barred after some rent is paid.
		Now::set(due_at(1));
		assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), id));
		assert_noop!(
			Leasing::pledge_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK),
			Error::<Test>::AssetEncumbered
		);
	});
}

#[test]
fn a_matured_lease_still_encumbers_the_asset_until_it_completes() {
	build_and_execute(|| {
		let id = signed_lease();
		pay_all(id);
		assert!(matches!(
			Assets::<Test>::get(machine()).unwrap().encumbrance,
			Some((Encumbrance::Lease { lease, lessee: LESSEE }, _)) if lease == id
		));
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK),
			Error::<Test>::AssetEncumbered
		);
	});
}

#[test]
fn a_purchase_lease_releases_the_asset_with_title_to_the_lessee_when_it_closes() {
	build_and_execute(|| {
		let id = signed_lease();
		pay_all(id);
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), id));
		System::assert_has_event(Event::AssetReleased { key: machine(), holder: LESSEE }.into());
		System::assert_has_event(
			Event::LeaseClosed { lease: id, closure: Closure::TitlePassed }.into(),
		);
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!(asset.holder, LESSEE);
		assert_eq!(asset.encumbrance, None);
		assert_eq!(asset.registered_at, START);
		assert!(Leases::<Test>::get(id).is_none());
		// The new holder deals with it freely; the former lessor cannot.
		assert_noop!(
			Leasing::transfer_asset(RuntimeOrigin::signed(LESSOR), machine(), BANK),
			Error::<Test>::NotHolder
		);
		assert_ok!(Leasing::pledge_asset(RuntimeOrigin::signed(LESSEE), machine(), BANK));
	});
}

#[test]
fn a_return_lease_releases_the_asset_to_the_lessor_when_it_closes() {
	build_and_execute(|| {
		let id = signed_lease_to(LESSEE, Terms { end: EndOption::Return, ..terms() });
		pay_all(id);
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSOR), id));
		System::assert_has_event(Event::AssetReleased { key: machine(), holder: LESSOR }.into());
		System::assert_has_event(
			Event::LeaseClosed { lease: id, closure: Closure::Returned }.into(),
		);
		let asset = Assets::<Test>::get(machine()).unwrap();
		assert_eq!(asset.holder, LESSOR);
		assert_eq!(asset.encumbrance, None);
		// The lessor may lease it again.
		let again = draft_lease(LESSEE, terms());
		sign(again);
		assert_eq!(
			Assets::<Test>::get(machine()).unwrap().encumbrance.map(|(e, _)| e),
			Some(Encumbrance::Lease { lease: again, lessee: LESSEE })
		);
	});
}

#[test]
fn withdrawing_a_draft_leaves_the_registry_untouched() {
	build_and_execute(|| {
		register(LESSOR, machine());
		let before = Assets::<Test>::get(machine());
		let id = draft_lease(LESSEE, terms());
		assert_eq!(Assets::<Test>::get(machine()), before, "a draft encumbers nothing");
		assert_ok!(Leasing::withdraw_draft(RuntimeOrigin::signed(LESSOR), id));
		assert_eq!(Assets::<Test>::get(machine()), before);
		assert!(!System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Leasing(Event::AssetReleased { .. })
		)));
	});
}
