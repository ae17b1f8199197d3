use crate::{
	mock::*, Credentials, GenesisCredential, KycProvider, LicenceStatus, Licences,
	OnboardingAllowance, Role,
};
use sp_runtime::BuildStorage;

#[test]
fn genesis_licenses_institutions_and_verifies_accounts() {
	build_and_execute(|| {
		assert_eq!(
			Licences::<Test>::get(REGISTRAR, Role::Registrar).map(|l| l.status),
			Some(LicenceStatus::Active)
		);
		assert_eq!(RegistrarSlots::get(), vec![Some(REGISTRAR), Some(OTHER_REGISTRAR)]);
		assert!(Kyc::is_verified(&GENESIS_USER));
		assert_eq!(Credentials::<Test>::get(GENESIS_USER).map(|c| c.issued_at), Some(START));
		assert_eq!(OnboardingAllowance::<Test>::get(), ALLOWANCE);
	});
}

fn build(config: crate::GenesisConfig<Test>) {
	RegistrarSlots::set(Vec::new());
	let _ = config.build_storage();
}

#[test]
#[should_panic(expected = "genesis credential")]
fn genesis_refuses_a_credential_from_an_unlicensed_registrar() {
	build(crate::GenesisConfig::<Test> {
		credentials: vec![GenesisCredential {
			who: ALICE,
			registrar: ISSUER,
			profile: individual(1),
			expires_at: EXPIRY,
		}],
		..Default::default()
	});
}

#[test]
#[should_panic(expected = "genesis licence")]
fn genesis_refuses_a_duplicate_licence() {
	build(crate::GenesisConfig::<Test> {
		licences: vec![(ISSUER, Role::Issuer), (ISSUER, Role::Issuer)],
		..Default::default()
	});
}

#[test]
#[should_panic(expected = "onboarding allowance below ED")]
fn genesis_refuses_an_allowance_below_the_existential_deposit() {
	build(crate::GenesisConfig::<Test> { onboarding_allowance: 1, ..Default::default() });
}
