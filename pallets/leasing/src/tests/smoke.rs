use crate::{mock::*, *};
use frame_support::assert_ok;
use sp_core::H256;

#[test]
fn a_lease_runs_from_draft_to_title() {
	build_and_execute(|| {
		fund(LESSEE, 20_000_000);
		assert_ok!(Leasing::register_asset(RuntimeOrigin::signed(LESSOR), machine(), H256::zero()));
		assert_ok!(Leasing::draft(RuntimeOrigin::signed(LESSOR), LESSEE, machine(), terms()));
		let hash = Leases::<Test>::get(0).unwrap().schedule_hash;
		assert_ok!(Leasing::sign(RuntimeOrigin::signed(LESSEE), 0, hash));
		for _ in 0..12 {
			assert_ok!(Leasing::pay(RuntimeOrigin::signed(LESSEE), 0));
		}
		assert_ok!(Leasing::complete(RuntimeOrigin::signed(LESSEE), 0));
		assert_eq!(Assets::<Test>::get(machine()).unwrap().holder, LESSEE);
	});
}
