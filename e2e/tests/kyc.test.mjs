// Digital identity through a real client: a fresh account is turned away at the door; a licensed
// registrar (Dave) verifies it, which pays it an onboarding allowance, and it transacts on that;
// the registrar revokes it, and its next transaction is refused with kyc.NotVerified.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { blake2AsU8a, mnemonicGenerate } from '@polkadot/util-crypto';

import {
  accountAt,
  describeCustomRefusal,
  devAccounts,
  eventsNamed,
  rejectionOf,
  signSendFinalized,
  UNIT,
  waitUntil,
} from '../lib/chain.mjs';
import { startNode, withNodeLog } from '../lib/node.mjs';

const DAY_MS = 86_400_000n;

let node;
let accounts;
before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'kyc' });
});
after(async () => {
  await node?.stop();
});

/** Submit `tx` signed by `signer` straight to the pool; resolve to the pool's refusal (or null). */
async function poolRefusal(api, tx, signer) {
  await tx.signAsync(signer);
  return rejectionOf(api.rpc.author.submitExtrinsic(tx));
}

test(
  'the dev chain starts with licensed banks and verified accounts, and leaves Ferdie unverified',
  withNodeLog(() => node, async () => {
    const { api } = node;
    const { alice, dave, ferdie } = accounts;
    const aliceStatus = await api.call.kycApi.verification(alice.address);
    assert.equal(aliceStatus.verified.isTrue, true, 'Alice is not verified');
    assert.equal(aliceStatus.credential.unwrap().registrar.toString(), dave.address);
    const daveStatus = await api.call.kycApi.verification(dave.address);
    const roles = daveStatus.licences.map(([role]) => role.type);
    assert.ok(roles.includes('Registrar') && roles.includes('Issuer'), `Dave's licences: ${roles}`);
    const ferdieStatus = await api.call.kycApi.verification(ferdie.address);
    assert.equal(ferdieStatus.verified.isTrue, false, 'Ferdie is verified');
    // Dave's registrar licence made him a pallet-identity registrar too.
    const registrars = await api.query.identity.registrars();
    assert.ok(
      registrars.some((r) => r.isSome && r.unwrap().account.toString() === dave.address),
      'Dave is not an identity registrar',
    );
  }),
);

test(
  'a registrar verifies a fresh account, which then transacts; revoked, it is refused with kyc.NotVerified',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { keyring, bob, dave } = accounts;
    const fresh = keyring.addFromUri(mnemonicGenerate());

    // Before verification: the door refuses a transfer, naming the error.
    const before = await poolRefusal(api, api.tx.balances.transferKeepAlive(bob.address, UNIT / 1000n), fresh);
    assert.ok(before, 'the pool accepted a transfer from an unverified account');
    t.diagnostic(`unverified: ${before.message}`);
    assert.match(before.message, /1010/);
    assert.equal(describeCustomRefusal(api, before), 'kyc.NotVerified');

    // Dave verifies it: the registrar pays the onboarding allowance.
    // The chain's clock (zero until the first block is built).
    const now = await waitUntil(async () => (await api.query.timestamp.now()).toBigInt(), { label: 'a block' });
    const profile = {
      person: blake2AsU8a(`e2e person ${fresh.address}`),
      entity: 'Individual',
      residency: 'Resident',
      jurisdiction: [0x43, 0x4e], // CN
      level: 'Standard',
      class: null,
    };
    const attest = await signSendFinalized(api, api.tx.kyc.attest(fresh.address, profile, now + 365n * DAY_MS), dave);
    assert.equal(attest.error, null, `attest failed: ${attest.error}`);
    assert.equal(eventsNamed(attest.events, 'kyc.Attested').length, 1, 'no kyc.Attested event');
    const granted = eventsNamed(attest.events, 'kyc.AllowanceGranted');
    assert.equal(granted.length, 1, 'no kyc.AllowanceGranted event');
    const allowance = (await api.query.kyc.onboardingAllowance()).toBigInt();
    assert.equal((await accountAt(api, fresh.address)).free, allowance, 'the allowance did not arrive');
    const status = await api.call.kycApi.verification(fresh.address);
    assert.equal(status.verified.isTrue, true, 'the runtime API does not report the account verified');

    // Verified, it transacts, paying its fee from the allowance.
    const amount = UNIT / 100n;
    const transfer = api.tx.balances.transferKeepAlive(bob.address, amount);
    const estimate = (await transfer.paymentInfo(fresh)).partialFee.toBigInt();
    const paid = await signSendFinalized(api, transfer, fresh);
    assert.equal(paid.error, null, `the verified account's transfer failed: ${paid.error}`);
    const [, fee] = eventsNamed(paid.events, 'transactionPayment.TransactionFeePaid')[0].event.data;
    t.diagnostic(`transfer fee ${fee.toBigInt()} (estimated ${estimate}) of an allowance of ${allowance}`);
    // The door charges its worst case up front and gives back what a verified sender did not use.
    assert.ok(fee.toBigInt() < estimate, `fee ${fee} not below the worst-case estimate ${estimate}`);
    assert.equal((await accountAt(api, fresh.address)).free, allowance - amount - fee.toBigInt());

    // Dave revokes it: the next transaction is refused at once, and nothing changes.
    const revoke = await signSendFinalized(api, api.tx.kyc.revoke(fresh.address), dave);
    assert.equal(revoke.error, null, `revoke failed: ${revoke.error}`);
    const balance = await accountAt(api, fresh.address);
    const after = await poolRefusal(api, api.tx.balances.transferKeepAlive(bob.address, amount), fresh);
    assert.ok(after, 'the pool accepted a transfer from a revoked account');
    t.diagnostic(`revoked: ${after.message}`);
    assert.equal(describeCustomRefusal(api, after), 'kyc.NotVerified');
    assert.deepEqual(await accountAt(api, fresh.address), balance, 'the refused transfer changed the account');
  }),
);

test(
  "a licensed registrar judges an institution's public identity, as Polkadot.js Apps shows it",
  withNodeLog(() => node, async () => {
    const { api } = node;
    const { dave, eve } = accounts;
    // Dave's Registrar licence made him pallet-identity registrar number `index`.
    const registrars = await api.query.identity.registrars();
    const index = registrars.findIndex((r) => r.isSome && r.unwrap().account.toString() === dave.address);
    assert.ok(index >= 0, 'Dave is not an identity registrar');

    const info = { display: { Raw: 'Eve Bank' }, web: { Raw: 'https://eve.example' } };
    const set = await signSendFinalized(api, api.tx.identity.setIdentity(info), eve);
    assert.equal(set.error, null, `setIdentity failed: ${set.error}`);
    const asked = await signSendFinalized(api, api.tx.identity.requestJudgement(index, 0), eve);
    assert.equal(asked.error, null, `requestJudgement failed: ${asked.error}`);

    const registration = (await api.query.identity.identityOf(eve.address)).unwrap();
    const identityHash = registration.info.hash;
    const judged = await signSendFinalized(
      api,
      api.tx.identity.provideJudgement(index, eve.address, 'KnownGood', identityHash),
      dave,
    );
    assert.equal(judged.error, null, `provideJudgement failed: ${judged.error}`);
    const judgements = (await api.query.identity.identityOf(eve.address)).unwrap().judgements;
    assert.deepEqual(
      judgements.map(([registrar, judgement]) => [registrar.toNumber(), judgement.type]),
      [[index, 'KnownGood']],
    );
  }),
);
