// Chain helpers for the end-to-end tests: accounts, heights, balances, submitting and waiting,
// decoding dispatch errors.

import assert from 'node:assert/strict';

import { Keyring } from '@polkadot/keyring';
import { BN } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { sleep } from './node.mjs';

/** One FXC in its smallest unit (12 decimals). */
export const UNIT = 10n ** 12n;

/** The well-known dev accounts (sr25519, SS58 prefix 42). */
export async function devAccounts() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return {
    keyring,
    alice: keyring.addFromUri('//Alice'),
    bob: keyring.addFromUri('//Bob'),
    charlie: keyring.addFromUri('//Charlie'),
    dave: keyring.addFromUri('//Dave'),
    eve: keyring.addFromUri('//Eve'),
    ferdie: keyring.addFromUri('//Ferdie'),
  };
}

/** Poll `check` until it returns a truthy value; throw after `timeoutMs` with `label` and the last value. */
export async function waitUntil(check, { timeoutMs = 60_000, intervalMs = 500, label = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${label} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await sleep(intervalMs);
  }
}

export async function bestNumber(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

export async function finalizedNumber(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

/** Wait until the best block is at least `n` more than now. */
export async function waitBlocks(api, n, timeoutMs = 60_000) {
  const start = await bestNumber(api);
  await waitUntil(async () => (await bestNumber(api)) >= start + n, { timeoutMs, label: `${n} new blocks after #${start}` });
}

/** free/reserved/frozen balance and nonce of `address`, at block `at` (hash) or the best block. */
export async function accountAt(api, address, at) {
  const q = at ? await api.at(at) : api;
  const info = await q.query.system.account(address);
  return {
    nonce: info.nonce.toNumber(),
    free: info.data.free.toBigInt(),
    reserved: info.data.reserved.toBigInt(),
    frozen: info.data.frozen.toBigInt(),
    providers: info.providers.toNumber(),
  };
}

/** All events of block `hash`. */
export async function blockEvents(api, hash) {
  const apiAt = await api.at(hash);
  return apiAt.query.system.events();
}

/** A dispatch error as `pallet.Error` (module errors), `Token.X`, `Arithmetic.X`, or its variant name. */
export function describeDispatchError(api, err) {
  if (!err) return null;
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (err.isToken) return `Token.${err.asToken.type}`;
  if (err.isArithmetic) return `Arithmetic.${err.asArithmetic.type}`;
  if (err.isTransactional) return `Transactional.${err.asTransactional.type}`;
  return err.type;
}

/**
 * Sign and submit `tx`, resolve once the block that includes it is finalised.
 * Resolves { blockHash, blockNumber, txHash, txIndex, events (this extrinsic's), dispatchError, error (text) }.
 * Rejects if the pool refuses the transaction (the RPC error), or it is dropped/invalid, or on time-out.
 */
export function signSendFinalized(api, tx, signer, { timeoutMs = 120_000, options = {} } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    let inBlock = null;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (unsub) unsub();
      fn(value);
    };
    const timer = setTimeout(
      () => finish(reject, new Error(`extrinsic not finalised within ${timeoutMs} ms (in block: ${inBlock})`)),
      timeoutMs,
    );
    tx.signAndSend(signer, options, async (result) => {
      const { status } = result;
      if (status.isInBlock) inBlock = status.asInBlock.toHex();
      if (status.isFinalized) {
        const blockHash = status.asFinalized.toHex();
        try {
          const header = await api.rpc.chain.getHeader(blockHash);
          finish(resolve, {
            blockHash,
            blockNumber: header.number.toNumber(),
            parentHash: header.parentHash.toHex(),
            txHash: tx.hash.toHex(),
            txIndex: result.txIndex,
            events: result.events,
            dispatchError: result.dispatchError,
            error: describeDispatchError(api, result.dispatchError),
          });
        } catch (err) {
          finish(reject, err);
        }
      } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
        finish(reject, new Error(`extrinsic ${status.type}`));
      }
    })
      .then((u) => {
        unsub = u;
        if (done) u();
      })
      .catch((err) => finish(reject, err));
  });
}

/** The events of `events` (records) whose `section.method` is `name`, e.g. 'balances.Transfer'. */
export function eventsNamed(events, name) {
  const [section, method] = name.split('.');
  return events.filter(({ event }) => event.section === section && event.method === method);
}

/** Send `tx` from `signer`, expect success and one `<section>.<name>` event; return its data and all events. */
/**
 * `forex.pay` of `amount` in `currency` to `to` with travel-rule data (hashes of the originator's
 * and the beneficiary's records), as a cross-border payment carries it; `tradeDocument` is the
 * hash of the trade document a trade-related purpose cites.
 */
export function payWithTravelRule(api, to, currency, amount, { purpose = 'CurrentTransfer', tradeDocument = null } = {}) {
  const travelRule = { Hashes: { originator: '0x' + '01'.repeat(32), beneficiary: '0x' + '02'.repeat(32) } };
  return api.tx.forex.pay(to, currency, amount, purpose, travelRule, { tradeDocument, taxFiling: null });
}

export async function sendOk(api, tx, signer, name) {
  const result = await signSendFinalized(api, tx, signer);
  assert.equal(result.error, null, `${name} failed: ${result.error}`);
  const [record] = eventsNamed(result.events, name);
  assert.ok(record, `no ${name} event`);
  return { data: record.event.data, events: result.events };
}

/** Scan blocks from `fromNumber` on until one contains the extrinsic `txHash`; resolve {blockHash, index, events}. */
export async function findExtrinsic(api, txHash, fromNumber, { timeoutMs = 60_000 } = {}) {
  let next = fromNumber;
  return waitUntil(
    async () => {
      const best = await bestNumber(api);
      for (; next <= best; next++) {
        const hash = await api.rpc.chain.getBlockHash(next);
        const block = await api.rpc.chain.getBlock(hash);
        const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === txHash);
        if (index >= 0) {
          const events = (await blockEvents(api, hash)).filter(
            ({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index,
          );
          return { blockHash: hash.toHex(), blockNumber: next, index, events };
        }
      }
      return null;
    },
    { timeoutMs, label: `extrinsic ${txHash} in a block` },
  );
}

/**
 * The pallet error named by an invalid-transaction refusal `Custom error: N` from the pool, as
 * `pallet.Error`: the KYC door refuses with N = the index of `kyc.NotVerified` (pallet `pallet`).
 */
export function describeCustomRefusal(api, err, pallet = 'Kyc') {
  const match = /Custom error: (\d+)/.exec(err?.message ?? '');
  if (!match) return null;
  const meta = api.runtimeMetadata.asLatest.pallets.find((p) => p.name.toString() === pallet);
  const found = api.registry.findMetaError({ index: new BN(meta.index.toNumber()), error: new BN(match[1]) });
  return `${found.section}.${found.name}`;
}

/** The message of a rejected promise (or null if it resolved). */
export async function rejectionOf(promise) {
  try {
    await promise;
    return null;
  } catch (err) {
    return err;
  }
}

/**
 * Pass `call` through a council motion as its members would: the first of `members` proposes it
 * with as many ayes needed as there are `members`, each votes aye, and the first closes it.
 * Resolves the events of the close, which include the motion's `council.Executed` and the
 * events of the call it dispatched.
 */
export async function councilMotion(api, call, members) {
  const length = call.method.encodedLength;
  const proposed = await signSendFinalized(api, api.tx.council.propose(members.length, call, length), members[0]);
  if (proposed.error) throw new Error(`council.propose failed: ${proposed.error}`);
  const [record] = eventsNamed(proposed.events, 'council.Proposed');
  const { proposalIndex, proposalHash } = record.event.data;
  for (const member of members) {
    const voted = await signSendFinalized(api, api.tx.council.vote(proposalHash, proposalIndex, true), member);
    if (voted.error) throw new Error(`council.vote failed: ${voted.error}`);
  }
  const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
  const closed = await signSendFinalized(
    api,
    api.tx.council.close(proposalHash, proposalIndex, info.weight, length),
    members[0],
  );
  if (closed.error) throw new Error(`council.close failed: ${closed.error}`);
  return closed.events;
}
