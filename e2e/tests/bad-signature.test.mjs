// An extrinsic whose signature does not verify is refused by the pool and changes nothing.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { accountAt, devAccounts, findExtrinsic, bestNumber, waitBlocks, UNIT, rejectionOf } from '../lib/chain.mjs';
import { startNode, withNodeLog } from '../lib/node.mjs';

let node;
let accounts;
before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'bad-signature' });
});
after(async () => {
  await node?.stop();
});

test(
  'a transfer with one signature byte flipped is refused with 1010 bad signature; balances and nonce unchanged',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const amount = 5n * UNIT;

    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    await tx.signAsync(alice);
    const goodHex = tx.toHex();
    const sigHex = tx.signature.toHex().slice(2);
    assert.equal(sigHex.length, 128, 'expected a 64-byte sr25519 signature');
    const at = goodHex.indexOf(sigHex);
    assert.ok(at > 0 && goodHex.indexOf(sigHex, at + 1) < 0, 'signature not found exactly once in the extrinsic');
    // Flip the lowest bit of signature byte 10 (well inside R, not the sr25519 marker byte).
    const pos = at + 2 * 10;
    const flipped = (parseInt(goodHex.slice(pos, pos + 2), 16) ^ 0x01).toString(16).padStart(2, '0');
    const badHex = goodHex.slice(0, pos) + flipped + goodHex.slice(pos + 2);
    assert.notEqual(badHex, goodHex);
    assert.equal(badHex.length, goodHex.length);

    const aliceBefore = await accountAt(api, alice.address);
    const bobBefore = await accountAt(api, bob.address);

    const err = await rejectionOf(api.rpc.author.submitExtrinsic(badHex));
    assert.ok(err, 'the node accepted an extrinsic with a bad signature');
    t.diagnostic(`refused: ${err.message}`);
    assert.match(err.message, /1010/, 'not an invalid-transaction (1010) error');
    assert.match(err.message, /bad signature/i, 'error does not mention a bad signature');

    const pending = await api.rpc.author.pendingExtrinsics();
    assert.equal(pending.length, 0, 'something is waiting in the pool');

    // Two more blocks: nothing changed.
    await waitBlocks(api, 2);
    const aliceAfter = await accountAt(api, alice.address);
    const bobAfter = await accountAt(api, bob.address);
    assert.equal(aliceAfter.free, aliceBefore.free, "Alice's balance changed");
    assert.equal(aliceAfter.nonce, aliceBefore.nonce, "Alice's nonce changed");
    assert.equal(bobAfter.free, bobBefore.free, "Bob's balance changed");

    // Control: the very same extrinsic with its signature intact is accepted and applied, so the
    // flipped byte alone caused the refusal.
    const from = await bestNumber(api);
    const hash = await api.rpc.author.submitExtrinsic(goodHex);
    const found = await findExtrinsic(api, hash.toHex(), from);
    assert.ok(
      found.events.some(({ event }) => event.section === 'system' && event.method === 'ExtrinsicSuccess'),
      'the correctly signed control transfer did not succeed',
    );
    const bobFinal = await accountAt(api, bob.address, found.blockHash);
    assert.equal(bobFinal.free - bobBefore.free, amount, 'control transfer did not pay Bob');
  }),
);
