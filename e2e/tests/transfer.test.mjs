// A balances transfer is included, finalised, and moves exactly the amount; the sender also pays
// exactly the fee the runtime reports.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { accountAt, blockEvents, devAccounts, eventsNamed, signSendFinalized, UNIT } from '../lib/chain.mjs';
import { startNode, withNodeLog } from '../lib/node.mjs';

let node;
let accounts;
before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'transfer' });
});
after(async () => {
  await node?.stop();
});

test(
  'transferKeepAlive Alice -> Bob is finalised; Bob gains exactly the amount, Alice loses amount + TransactionFeePaid fee',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const amount = 12n * UNIT + 345_678n; // 12.000000345678 FXC

    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    const res = await signSendFinalized(api, tx, alice);
    t.diagnostic(`included in #${res.blockNumber} ${res.blockHash}, extrinsic index ${res.txIndex}`);
    assert.equal(res.error, null, `transfer failed: ${res.error}`);

    // The block is final.
    const finalizedHash = await api.rpc.chain.getFinalizedHead();
    const finalizedNumber = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
    assert.ok(finalizedNumber >= res.blockNumber, 'inclusion block is not finalised');
    assert.equal((await api.rpc.chain.getBlockHash(res.blockNumber)).toHex(), res.blockHash, 'inclusion block left the canonical chain');

    // Events of this extrinsic: Transfer(alice, bob, amount), TransactionFeePaid(alice), ExtrinsicSuccess.
    const transfers = eventsNamed(res.events, 'balances.Transfer');
    assert.equal(transfers.length, 1, 'expected one balances.Transfer event');
    const [from, to, value] = transfers[0].event.data;
    assert.equal(from.toString(), alice.address);
    assert.equal(to.toString(), bob.address);
    assert.equal(value.toBigInt(), amount);
    assert.equal(eventsNamed(res.events, 'system.ExtrinsicSuccess').length, 1, 'no ExtrinsicSuccess');
    const feePaid = eventsNamed(res.events, 'transactionPayment.TransactionFeePaid');
    assert.equal(feePaid.length, 1, 'expected one TransactionFeePaid event');
    const [who, actualFee, tip] = feePaid[0].event.data;
    assert.equal(who.toString(), alice.address);
    const fee = actualFee.toBigInt() + tip.toBigInt();
    assert.ok(fee > 0n, 'fee is zero');
    t.diagnostic(`fee ${fee} (${Number(fee) / 1e12} FXC)`);

    // Fees are burned (TransactionPayment's OnChargeTransaction = FungibleAdapter<Balances, ()>):
    // nothing of the fee comes back to Alice, though she authors every --dev block. What comes
    // back is only the refund of weight reserved but not used (the KYC door's worst case): the
    // withdrawal minus the fee.
    const toAlice = (name) =>
      eventsNamed(res.events, name)
        .filter(({ event }) => event.data[0].toString() === alice.address)
        .reduce((sum, { event }) => sum + event.data[1].toBigInt(), 0n);
    const withdrawn = toAlice('balances.Withdraw');
    const credited = toAlice('balances.Deposit');
    t.diagnostic(`withdrawn ${withdrawn}, refunded ${credited}`);
    assert.equal(withdrawn - credited, fee, 'Alice was credited more than the unused part of her withdrawal');

    // State: compare the inclusion block with its parent, so nothing else can interfere.
    const aliceBefore = await accountAt(api, alice.address, res.parentHash);
    const aliceAfter = await accountAt(api, alice.address, res.blockHash);
    const bobBefore = await accountAt(api, bob.address, res.parentHash);
    const bobAfter = await accountAt(api, bob.address, res.blockHash);
    assert.equal(bobAfter.free - bobBefore.free, amount, "Bob's free balance did not rise by exactly the amount");
    assert.equal(
      aliceBefore.free - aliceAfter.free,
      amount + fee,
      "Alice's free balance did not fall by exactly amount + fee",
    );
    assert.equal(aliceAfter.nonce, aliceBefore.nonce + 1, "Alice's nonce did not advance by one");

    // The block holds no other signed extrinsic that could have touched these accounts.
    const all = await blockEvents(api, res.blockHash);
    const otherTransfers = eventsNamed(all, 'balances.Transfer').filter(
      ({ phase }) => !(phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === res.txIndex),
    );
    assert.equal(otherTransfers.length, 0, 'another transfer in the same block');
  }),
);
