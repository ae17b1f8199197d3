//! The catalogue: registering, updating and removing data items, and listing a subject's items.

use super::common::*;
use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn a_licensed_provider_registers_an_item_about_a_verified_subject() {
	build_and_execute(|| {
		Now::set(START + 1_000);
		assert_ok!(DataSharing::register_item(
			RuntimeOrigin::signed(PROVIDER),
			SUBJECT,
			Category::Tax,
			hash(0xC1),
			locator(b"vault://tax/2025")
		));
		assert_eq!(
			Items::<Test>::get(0),
			Some(DataItem {
				provider: PROVIDER,
				subject: SUBJECT,
				category: Category::Tax,
				content_hash: hash(0xC1),
				locator: locator(b"vault://tax/2025"),
				version: 1,
				updated_at: START + 1_000,
			})
		);
		assert_eq!(NextItemId::<Test>::get(), 1);
		assert!(ItemsOf::<Test>::contains_key(SUBJECT, 0u64.to_be_bytes()));
		System::assert_last_event(
			Event::ItemRegistered {
				item: 0,
				provider: PROVIDER,
				subject: SUBJECT,
				category: Category::Tax,
				content_hash: hash(0xC1),
			}
			.into(),
		);
		assert_eq!(
			DataSharing::items_of(&SUBJECT, None, 10),
			vec![(0, Items::<Test>::get(0).unwrap())]
		);
	});
}

#[test]
fn registering_an_item_needs_a_data_provider_licence() {
	build_and_execute(|| {
		// A data consumer's licence is not a provider's; a verified account without a licence
		// has none; neither has the supervisor.
		for who in [BANK, UNLICENSED, SUPERVISOR, SUBJECT] {
			assert_noop!(
				DataSharing::register_item(
					RuntimeOrigin::signed(who),
					SUBJECT,
					Category::Basic,
					hash(0xC1),
					locator(b"x")
				),
				Error::<Test>::NotLicensed
			);
		}
		assert_noop!(
			DataSharing::register_item(
				RuntimeOrigin::none(),
				SUBJECT,
				Category::Basic,
				hash(0xC1),
				locator(b"x")
			),
			DispatchError::BadOrigin
		);
		assert_eq!(NextItemId::<Test>::get(), 0);
	});
}

#[test]
fn a_provider_that_lost_its_licence_cannot_register() {
	build_and_execute(|| {
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_noop!(
			DataSharing::register_item(
				RuntimeOrigin::signed(PROVIDER),
				SUBJECT,
				Category::Basic,
				hash(0xC1),
				locator(b"x")
			),
			Error::<Test>::NotLicensed
		);
	});
}

#[test]
fn an_item_about_an_unverified_subject_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			DataSharing::register_item(
				RuntimeOrigin::signed(PROVIDER),
				UNVERIFIED,
				Category::Basic,
				hash(0xC1),
				locator(b"x")
			),
			Error::<Test>::NotVerified
		);
		assert_eq!(DataSharing::items_of(&UNVERIFIED, None, 10), vec![]);
	});
}

#[test]
fn items_are_numbered_in_order_and_indexed_by_subject() {
	build_and_execute(|| {
		let first = register_item(PROVIDER, SUBJECT, Category::Basic);
		let other = register_item(OTHER_PROVIDER, OTHER_SUBJECT, Category::Tax);
		let second = register_item(OTHER_PROVIDER, SUBJECT, Category::Customs);
		assert_eq!((first, other, second), (0, 1, 2));
		let mine: Vec<_> = DataSharing::items_of(&SUBJECT, None, 10)
			.into_iter()
			.map(|(id, _)| id)
			.collect();
		assert_eq!(mine, vec![0, 2]);
		let theirs = DataSharing::items_of(&OTHER_SUBJECT, None, 10);
		assert_eq!(theirs.len(), 1);
		assert_eq!(theirs[0].0, 1);
		assert_eq!(theirs[0].1.provider, OTHER_PROVIDER);
		assert_eq!(theirs[0].1.category, Category::Tax);
	});
}

#[test]
fn items_of_pages_after_the_last_item_seen() {
	build_and_execute(|| {
		// Items 0..=11 about SUBJECT, interleaved with items about OTHER_SUBJECT.
		let mut mine = Vec::new();
		for n in 0..12 {
			mine.push(register_item(PROVIDER, SUBJECT, Category::Basic));
			if n % 3 == 0 {
				register_item(PROVIDER, OTHER_SUBJECT, Category::Basic);
			}
		}
		let page = |after, limit| -> Vec<ItemId> {
			DataSharing::items_of(&SUBJECT, after, limit)
				.into_iter()
				.map(|(id, _)| id)
				.collect()
		};
		assert_eq!(page(None, 5), mine[..5].to_vec());
		// `after` is exclusive: the next page starts with the item after the last one seen.
		assert_eq!(page(Some(mine[4]), 5), mine[5..10].to_vec());
		assert_eq!(page(Some(mine[9]), 5), mine[10..].to_vec());
		assert_eq!(page(Some(mine[11]), 5), Vec::<ItemId>::new());
		// An `after` that is not one of the subject's items still pages from the next one.
		let foreign = mine[3] + 1;
		assert!(!mine.contains(&foreign));
		assert_eq!(page(Some(foreign), 2), mine[4..6].to_vec());
		assert_eq!(page(None, 0), Vec::<ItemId>::new());
		// A page holds at most MAX_PAGE items whatever the limit.
		assert_eq!(page(None, u32::MAX).len(), 12);
	});
}

#[test]
fn items_of_returns_at_most_max_page() {
	build_and_execute(|| {
		for _ in 0..MAX_PAGE + 5 {
			register_item(PROVIDER, SUBJECT, Category::Basic);
		}
		assert_eq!(DataSharing::items_of(&SUBJECT, None, u32::MAX).len(), MAX_PAGE as usize);
		assert_eq!(DataSharing::items_of(&SUBJECT, Some(u64::from(MAX_PAGE) - 1), 100).len(), 5);
	});
}

#[test]
fn the_provider_updates_an_item_and_its_version_goes_up() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		Now::set(START + 5_000);
		assert_ok!(DataSharing::update_item(
			RuntimeOrigin::signed(PROVIDER),
			item,
			hash(0xC2),
			locator(b"vault://tax/v2")
		));
		let record = Items::<Test>::get(item).unwrap();
		assert_eq!(record.version, 2);
		assert_eq!(record.content_hash, hash(0xC2));
		assert_eq!(record.locator, locator(b"vault://tax/v2"));
		assert_eq!(record.updated_at, START + 5_000);
		assert_eq!(
			(record.provider, record.subject, record.category),
			(PROVIDER, SUBJECT, Category::Tax)
		);
		System::assert_last_event(
			Event::ItemUpdated { item, version: 2, content_hash: hash(0xC2) }.into(),
		);

		assert_ok!(DataSharing::update_item(
			RuntimeOrigin::signed(PROVIDER),
			item,
			hash(0xC3),
			locator(b"vault://tax/v3")
		));
		assert_eq!(Items::<Test>::get(item).unwrap().version, 3);
		System::assert_last_event(
			Event::ItemUpdated { item, version: 3, content_hash: hash(0xC3) }.into(),
		);
	});
}

#[test]
fn only_the_licensed_provider_of_an_item_updates_it() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		// Another provider, licensed, is not this item's provider.
		assert_noop!(
			DataSharing::update_item(
				RuntimeOrigin::signed(OTHER_PROVIDER),
				item,
				hash(0xC2),
				locator(b"x")
			),
			Error::<Test>::NotProvider
		);
		// The subject holds no provider licence.
		assert_noop!(
			DataSharing::update_item(
				RuntimeOrigin::signed(SUBJECT),
				item,
				hash(0xC2),
				locator(b"x")
			),
			Error::<Test>::NotLicensed
		);
		assert_noop!(
			DataSharing::update_item(
				RuntimeOrigin::signed(PROVIDER),
				item + 1,
				hash(0xC2),
				locator(b"x")
			),
			Error::<Test>::ItemNotFound
		);
		// The provider itself, once its licence is gone.
		Licences::mutate(|licences| licences.remove(&PROVIDER));
		assert_noop!(
			DataSharing::update_item(
				RuntimeOrigin::signed(PROVIDER),
				item,
				hash(0xC2),
				locator(b"x")
			),
			Error::<Test>::NotLicensed
		);
		assert_eq!(Items::<Test>::get(item).unwrap().version, 1);
	});
}

#[test]
fn the_provider_removes_an_item_from_the_catalogue() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		let kept = register_item(PROVIDER, SUBJECT, Category::Basic);
		assert_ok!(DataSharing::remove_item(RuntimeOrigin::signed(PROVIDER), item));
		assert!(Items::<Test>::get(item).is_none());
		assert!(!ItemsOf::<Test>::contains_key(SUBJECT, item.to_be_bytes()));
		System::assert_last_event(Event::ItemRemoved { item }.into());
		let left: Vec<_> = DataSharing::items_of(&SUBJECT, None, 10)
			.into_iter()
			.map(|(id, _)| id)
			.collect();
		assert_eq!(left, vec![kept]);
		// Gone means gone: neither removed again nor updated.
		assert_noop!(
			DataSharing::remove_item(RuntimeOrigin::signed(PROVIDER), item),
			Error::<Test>::ItemNotFound
		);
		assert_noop!(
			DataSharing::update_item(
				RuntimeOrigin::signed(PROVIDER),
				item,
				hash(0xC2),
				locator(b"x")
			),
			Error::<Test>::ItemNotFound
		);
		// Numbers are not reused.
		assert_eq!(register_item(PROVIDER, SUBJECT, Category::Tax), 2);
	});
}

#[test]
fn only_the_provider_removes_an_item() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		for who in [OTHER_PROVIDER, SUBJECT, BANK] {
			assert_noop!(
				DataSharing::remove_item(RuntimeOrigin::signed(who), item),
				Error::<Test>::NotProvider
			);
		}
		assert_noop!(
			DataSharing::remove_item(RuntimeOrigin::root(), item),
			DispatchError::BadOrigin
		);
		assert!(Items::<Test>::get(item).is_some());
	});
}

#[test]
fn a_disputed_item_cannot_be_removed_until_the_dispute_is_answered() {
	build_and_execute(|| {
		let item = register_item(PROVIDER, SUBJECT, Category::Tax);
		assert_ok!(DataSharing::dispute(RuntimeOrigin::signed(SUBJECT), item, hash(0xD1)));
		assert_noop!(
			DataSharing::remove_item(RuntimeOrigin::signed(PROVIDER), item),
			Error::<Test>::ItemDisputed
		);
		assert!(Items::<Test>::get(item).is_some());
		assert_ok!(DataSharing::answer_dispute(RuntimeOrigin::signed(PROVIDER), item, hash(0xA1)));
		assert_ok!(DataSharing::remove_item(RuntimeOrigin::signed(PROVIDER), item));
		assert!(Items::<Test>::get(item).is_none());
	});
}

#[test]
fn registering_when_item_numbers_run_out_is_refused() {
	build_and_execute(|| {
		let first = register_item(PROVIDER, SUBJECT, Category::Tax);
		let next = NextItemId::<Test>::get();
		NextItemId::<Test>::put(ItemId::MAX);
		assert_noop!(
			DataSharing::register_item(
				RuntimeOrigin::signed(PROVIDER),
				SUBJECT,
				Category::Tax,
				hash(0xC0),
				locator(b"vault://item")
			),
			Error::<Test>::Overflow
		);
		NextItemId::<Test>::put(next);
		assert_eq!(register_item(PROVIDER, SUBJECT, Category::Tax), first + 1);
	});
}
