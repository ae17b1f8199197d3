// Spending money one does not have: refused at the pool when the fee cannot be paid; included but
// failed, with only the fee charged, when the fee can be paid but the amount cannot. (A fresh
// account's transfer never gets that far: the KYC door refuses it first, see kyc.test.mjs; its
// onboarding calls pass the door and meet the fee check.)

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { mnemonicGenerate } from '@polkadot/util-crypto';

import {
  accountAt,
  devAccounts,
  eventsNamed,
  rejectionOf,
  signSendFinalized,
  UNIT,
  waitBlocks,
} from '../lib/chain.mjs';
import { startNode, withNodeLog } from '../lib/node.mjs';

let node;
let accounts;
before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'overdraw' });
});
after(async () => {
  await node?.stop();
});

test(
  'an account with zero balance cannot send even an onboarding call: refused at the pool (1010 Inability to pay some fees), no state change',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { keyring, bob } = accounts;
    const pauper = keyring.addFromUri(mnemonicGenerate());
    const pauperBefore = await accountAt(api, pauper.address);
    assert.equal(pauperBefore.free, 0n, 'fresh account is not empty');
    assert.equal(pauperBefore.nonce, 0);
    const bobBefore = await accountAt(api, bob.address);

    const tx = api.tx.identity.requestJudgement(0, 0);
    await tx.signAsync(pauper, { nonce: 0 });
    const err = await rejectionOf(api.rpc.author.submitExtrinsic(tx));
    assert.ok(err, 'the pool accepted a transfer from an empty account');
    t.diagnostic(`refused: ${err.message}`);
    assert.match(err.message, /1010/, 'not an invalid-transaction (1010) error');
    assert.match(err.message, /Inability to pay some fees/i);

    assert.equal((await api.rpc.author.pendingExtrinsics()).length, 0, 'something is waiting in the pool');
    await waitBlocks(api, 2);
    const pauperAfter = await accountAt(api, pauper.address);
    assert.deepEqual(pauperAfter, pauperBefore, 'the empty account changed');
    assert.equal(pauperAfter.providers, 0, 'the empty account came into existence');
    const bobAfter = await accountAt(api, bob.address);
    assert.equal(bobAfter.free, bobBefore.free, "Bob's balance changed");
  }),
);

test(
  'Alice sending more than her free balance: included, fails with Token.FundsUnavailable (or a balances error); Bob unchanged, Alice pays only the fee',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const aliceNow = await accountAt(api, alice.address);
    const amount = aliceNow.free + 1n * UNIT;

    const tx = api.tx.balances.transferAllowDeath(bob.address, amount);
    const res = await signSendFinalized(api, tx, alice);
    t.diagnostic(`included in #${res.blockNumber}; dispatch error: ${res.error}`);

    assert.ok(res.dispatchError, 'the overdraw succeeded');
    assert.match(
      res.error,
      /^(Token\.FundsUnavailable|balances\.\w+)$/,
      `unexpected error ${res.error}`,
    );
    assert.equal(eventsNamed(res.events, 'system.ExtrinsicFailed').length, 1, 'no ExtrinsicFailed event');
    assert.equal(eventsNamed(res.events, 'balances.Transfer').length, 0, 'a Transfer event was emitted');

    const feePaid = eventsNamed(res.events, 'transactionPayment.TransactionFeePaid');
    assert.equal(feePaid.length, 1, 'expected one TransactionFeePaid event');
    const [who, actualFee, tip] = feePaid[0].event.data;
    assert.equal(who.toString(), alice.address);
    const fee = actualFee.toBigInt() + tip.toBigInt();
    assert.ok(fee > 0n, 'a failed extrinsic paid no fee');
    const aliceBefore = await accountAt(api, alice.address, res.parentHash);
    const aliceAfter = await accountAt(api, alice.address, res.blockHash);
    const bobBefore = await accountAt(api, bob.address, res.parentHash);
    const bobAfter = await accountAt(api, bob.address, res.blockHash);
    assert.equal(bobAfter.free, bobBefore.free, "Bob's balance changed");
    assert.equal(aliceBefore.free - aliceAfter.free, fee, 'Alice was charged more (or less) than the fee');
    assert.equal(aliceAfter.nonce, aliceBefore.nonce + 1, "a failed extrinsic still uses the sender's nonce");
  }),
);
