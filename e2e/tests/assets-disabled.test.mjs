// Nobody moves an Assets balance through the Assets pallet's own calls: they are not part of the
// runtime's RuntimeCall, so an extrinsic carrying one cannot even be decoded, neither on its own
// nor inside utility.batch.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { compactAddLength, compactToU8a, u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';

import { accountAt, bestNumber, devAccounts, findExtrinsic, rejectionOf, UNIT, waitBlocks, waitUntil } from '../lib/chain.mjs';
import { rpcHttp, sleep, startNode, withNodeLog } from '../lib/node.mjs';

/** pallet-assets `transfer` (call index 8): compact asset id, MultiAddress dest, compact amount. */
const ASSETS_TRANSFER_CALL_INDEX = 8;
/**
 * How the node refuses an extrinsic it cannot decode. The node's block type keeps extrinsics
 * opaque, so decoding happens in the runtime's `validate_transaction`, which traps: the RPC answers
 * 1002 (verification error, a runtime trap in TaggedTransactionQueue_validate_transaction) and the
 * node logs the reason, "Bad input data provided to validate_transaction: Codec error".
 */
const RPC_UNDECODABLE = /1002.*TaggedTransactionQueue_validate_transaction/s;
const LOG_UNDECODABLE = /Bad input data provided to validate_transaction: Codec error/g;

let node;
let accounts;

/** How many times the node has logged an undecodable transaction so far. */
function undecodableLogCount() {
  return (readFileSync(node.logFile, 'utf8').match(LOG_UNDECODABLE) || []).length;
}

/** Assert `err` is the node's refusal of an undecodable extrinsic, logged once more than `logsBefore`. */
async function assertUndecodable(err, logsBefore, what) {
  assert.ok(err, `the node accepted ${what}`);
  assert.match(err.message, RPC_UNDECODABLE, `the node refused ${what}, but not as undecodable`);
  await waitUntil(() => undecodableLogCount() > logsBefore, {
    timeoutMs: 5000,
    label: `the node's log line "Bad input data provided to validate_transaction: Codec error" for ${what}`,
  });
}

before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'assets-disabled' });
});
after(async () => {
  await node?.stop();
});

function palletIndex(api, name) {
  const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === name);
  assert.ok(pallet, `pallet ${name} not in metadata`);
  return pallet.index.toNumber();
}

/** The bytes of Assets::transfer(id, MultiAddress::Id(dest), amount), encoded by hand. */
function assetsTransferCall(api, dest, assetId, amount) {
  return u8aConcat(
    new Uint8Array([palletIndex(api, 'Assets'), ASSETS_TRANSFER_CALL_INDEX]),
    compactToU8a(assetId),
    new Uint8Array([0x00]), // MultiAddress::Id
    dest.publicKey,
    compactToU8a(amount),
  );
}

/** A bare (unsigned) v4 extrinsic around `call`: compact length, version byte 0x04, the call. */
function bareExtrinsic(call) {
  return u8aToHex(compactAddLength(u8aConcat(new Uint8Array([0x04]), call)));
}

/** Submit raw hex over plain JSON-RPC, with no client-side decoding: the node alone judges it. */
function submitRaw(hex) {
  return rpcHttp(node.ports.rpc, 'author_submitExtrinsic', [hex]);
}

/**
 * A v4 extrinsic signed by `pair` whose call is the raw bytes `call`, which the client need not
 * understand. polkadot.js builds the transaction extensions (era, nonce, tip, metadata-hash mode …)
 * for a probe call; we sign the same payload with `call` in its place and assemble the extrinsic.
 */
async function signedExtrinsicWithRawCall(api, pair, call) {
  let payloadJson;
  const signer = {
    signPayload: async (payload) => {
      payloadJson = payload;
      return { id: 1, signature: u8aToHex(new Uint8Array(65).fill(1)) };
    },
  };
  const probe = api.tx.system.remark('0x00');
  await probe.signAsync(pair.address, { signer });
  const probeBytes = probe.toU8a(true); // without the length prefix
  const probeCall = probe.method.toU8a();
  // version(1) + MultiAddress::Id(1 + 32) + MultiSignature(1 + 64) + extensions + call
  const extensions = probeBytes.slice(1 + 33 + 65, probeBytes.length - probeCall.length);
  assert.equal(u8aToHex(probeBytes.slice(probeBytes.length - probeCall.length)), u8aToHex(probeCall));

  const payload = api.createType('ExtrinsicPayload', { ...payloadJson, method: u8aToHex(call) }, { version: 4 });
  const { signature } = payload.sign(pair);
  const sig = hexToU8a(signature);
  assert.equal(sig.length, 65, 'expected a typed sr25519 MultiSignature');
  const body = u8aConcat(new Uint8Array([0x84, 0x00]), pair.publicKey, sig, extensions, call);
  return u8aToHex(compactAddLength(body));
}

test(
  'the client has no assets calls: api.tx.assets is undefined and the metadata lists no Assets calls',
  withNodeLog(() => node, async () => {
    const { api } = node;
    assert.equal(api.tx.assets, undefined);
    const assets = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === 'Assets');
    assert.ok(assets, 'Assets pallet missing from metadata');
    assert.ok(assets.calls.isNone, 'Assets lists calls in the metadata');
    // The RuntimeCall type itself has no variant at the Assets index.
    const callType = api.registry.lookup.getSiType(api.registry.metadata.extrinsic.callType);
    if (callType.def.isVariant) {
      const indexes = callType.def.asVariant.variants.map((v) => v.index.toNumber());
      assert.ok(!indexes.includes(palletIndex(api, 'Assets')), 'RuntimeCall has a variant at the Assets index');
    }
  }),
);

test(
  'a hand-encoded Assets.transfer in a bare v4 extrinsic is refused by the node as undecodable',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const call = assetsTransferCall(api, bob, 1, 10n * UNIT);
    t.diagnostic(`call bytes ${u8aToHex(call)} (Assets index ${palletIndex(api, 'Assets')}, call 8)`);

    // The client itself cannot make sense of it.
    assert.throws(() => api.createType('Call', call), 'createType(Call) decoded an Assets call');
    assert.throws(() => api.createType('Extrinsic', bareExtrinsic(call)), 'createType(Extrinsic) decoded it');

    const aliceBefore = await accountAt(api, alice.address);
    const logsBefore = undecodableLogCount();
    const err = await rejectionOf(submitRaw(bareExtrinsic(call)));
    t.diagnostic(`refused: ${err?.message.split('\n')[0]}`);
    await assertUndecodable(err, logsBefore, 'a bare Assets.transfer');

    // Control: the same framing around a call that exists decodes, and is refused for a different
    // reason (nobody validates an unsigned remark), so the framing is not what failed above.
    const remark = api.tx.system.remark('0x01').method.toU8a();
    const controlLogsBefore = undecodableLogCount();
    const controlErr = await rejectionOf(submitRaw(bareExtrinsic(remark)));
    assert.ok(controlErr, 'the node accepted an unsigned remark');
    t.diagnostic(`control (bare system.remark) refused: ${controlErr.message.split('\n')[0]}`);
    assert.doesNotMatch(controlErr.message, RPC_UNDECODABLE, 'the control extrinsic did not decode either');
    await sleep(1000);
    assert.equal(undecodableLogCount(), controlLogsBefore, 'the node logged the control as undecodable');

    await waitBlocks(api, 1);
    const aliceAfter = await accountAt(api, alice.address);
    assert.deepEqual(aliceAfter, aliceBefore);
  }),
);

test(
  'utility.batch cannot carry an Assets call: the client cannot build it and the node refuses a signed batch holding one',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const call = assetsTransferCall(api, bob, 1, 10n * UNIT);

    assert.throws(() => api.createType('Call', call), 'RuntimeCall decoded an Assets call');
    assert.throws(() => api.tx.utility.batch([call]), 'utility.batch accepted the Assets call');
    assert.throws(() => api.tx.utility.batch([u8aToHex(call)]), 'utility.batch accepted the Assets call as hex');

    // batch(calls: Vec<RuntimeCall>) encoded by hand around the Assets call, signed by Alice.
    const batchPrefix = api.tx.utility.batch([]).method.toU8a().slice(0, 2);
    const batchOf = (inner) => u8aConcat(batchPrefix, compactToU8a(1), inner);

    const aliceBefore = await accountAt(api, alice.address);
    const badHex = await signedExtrinsicWithRawCall(api, alice, batchOf(call));
    const logsBefore = undecodableLogCount();
    const err = await rejectionOf(submitRaw(badHex));
    t.diagnostic(`refused: ${err?.message.split('\n')[0]}`);
    await assertUndecodable(err, logsBefore, 'a signed utility.batch holding an Assets call');

    await waitBlocks(api, 1);
    const aliceMid = await accountAt(api, alice.address);
    assert.deepEqual(aliceMid, aliceBefore, 'Alice changed (nonce or balance)');

    // Control: the same hand-built batch around system.remark is accepted and completes, so the
    // assembly is sound and only the Assets call made the difference.
    const remark = api.tx.system.remark('0x0102').method.toU8a();
    const goodHex = await signedExtrinsicWithRawCall(api, alice, batchOf(remark));
    const from = await bestNumber(api);
    const hash = await submitRaw(goodHex);
    const found = await findExtrinsic(api, hash, from);
    const names = found.events.map(({ event }) => `${event.section}.${event.method}`);
    t.diagnostic(`control batch in #${found.blockNumber}: ${names.join(', ')}`);
    assert.ok(names.includes('utility.BatchCompleted'), 'control batch did not complete');
    assert.ok(names.includes('system.ExtrinsicSuccess'), 'control batch failed');
  }),
);
