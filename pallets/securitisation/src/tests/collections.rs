//! Collections reaching a pool's account.

use super::common::*;
use crate::{mock::*, *};
use fxchain_primitives::receivables::CollectionObserver;

#[test]
fn collections_on_pooled_receivables_count_for_the_pool_and_the_receivable() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 60_000), (2, 40_000)]);
		System::reset_events();
		collect(rid(2), 1_500);
		collect(rid(2), 500);
		let record = pool(id);
		assert_eq!(record.collected, 2_000);
		assert_eq!(record.receivables[1].collected, 2_000);
		assert_eq!(record.receivables[0].collected, 0);
		assert_eq!(free(record.account), 2_000);
		assert_eq!(
			events(),
			vec![
				Event::Collected { pool: id, receivable: rid(2), amount: 1_500 },
				Event::Collected { pool: id, receivable: rid(2), amount: 500 },
			]
		);
	});
}

#[test]
fn collections_elsewhere_are_not_the_pools_business() {
	build_and_execute(|| {
		let id = issued_pool(&[(1, 100_000)]);
		let account = pool(id).account;
		System::reset_events();
		// Another holder's receivable.
		register_in(rid(7), INV1, CNY, 1_000);
		collect(rid(7), 1_000);
		// The pool's account, but a receivable it does not hold, or another currency.
		<Securitisation as CollectionObserver<AccountId>>::collected(&rid(8), &account, CNY, 10);
		<Securitisation as CollectionObserver<AccountId>>::collected(&rid(1), &account, USD, 10);
		assert_eq!(pool(id).collected, 0);
		assert!(events().is_empty());
	});
}
