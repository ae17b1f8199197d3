// Hostile input at the edge: what an untrusted RPC client can throw at a node is refused cheaply,
// with the right error, within the pool's limits, and the node keeps answering and producing
// blocks.
//
// One --dev node with a small pool (`--pool-limit 256`) takes cases 1-6 and a final transfer (7);
// case 8 starts two validators and a full node of the `local` chain for the unsafe-RPC policy.
// After every hostile burst `assertResponsive` checks that chain_getHeader answers in under 2 s
// and that the next block arrives.
//
// The limits, from the sources the node is built from:
// - block length: 5 MiB, of which 75 % (3,932,160 bytes) for Normal extrinsics
//   (runtime/src/configs/system.rs); frame-system counts the header and digest in the block's
//   size, so the largest Normal extrinsic is about 100 bytes less;
// - JSON-RPC: 15 MiB per request and per response (`--rpc-max-request-size`, sc-cli), no limit on
//   the number of calls in a batch unless `--rpc-max-batch-request-len` is given;
// - the pool (sc-transaction-pool 48, fork-aware by default): ready queue `--pool-limit`
//   transactions (8192 by default) and `--pool-kbytes` (20 MiB); future queue a tenth of both
//   (819 and 2 MiB); the mempool in front of the views holds ready + future (9011). There is no
//   per-account limit. With `--pool-limit 256`: ready 256, future 25, mempool 281.
//
// What the floods (6a, 6b) show about that pool: when the ready queue overflows it drops the
// oldest transaction of the lowest priority and everything that depends on it; for one account's
// run of nonces that is the whole run, and the next ones wait for a nonce that never comes and are
// dropped as the future queue overflows. So a single account's burst beyond the limits is mostly
// dropped (reported to watchers as `dropped`, never charged), and an equal-priority transaction
// of another account that was pooled first is dropped with it (6b).

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { WsProvider } from '@polkadot/api';
import { compactAddLength, u8aConcat, u8aToHex } from '@polkadot/util';
import { WebSocket } from '@polkadot/x-ws';

import {
  accountAt,
  bestNumber,
  devAccounts,
  findExtrinsic,
  signSendFinalized,
  UNIT,
  waitUntil,
} from '../lib/chain.mjs';
import { freePort, sleep, startNode, withNodeLog } from '../lib/node.mjs';

const POOL_LIMIT = 256;
const FUTURE_LIMIT = Math.floor(POOL_LIMIT / 10);
const MEMPOOL_LIMIT = POOL_LIMIT + FUTURE_LIMIT;
/** `NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH` in runtime/src/configs/system.rs. */
const NORMAL_LENGTH_LIMIT = Math.floor((5 * 1024 * 1024 * 75) / 100);
/** sc-cli's default `--rpc-max-request-size` (15, in MiB). */
const RPC_MAX_REQUEST = 15 * 1024 * 1024;
/** The longest an RPC call may take while the node is under attack. */
const MAX_LATENCY_MS = 2000;
/** Statuses after which the pool says nothing more about a watched transaction. */
const FINAL_STATUSES = new Set(['finalized', 'dropped', 'invalid', 'usurped', 'finalityTimeout']);

let node;
let accounts;
before(async () => {
  accounts = await devAccounts();
  node = await startNode({ name: 'hostile', extraArgs: ['--pool-limit', String(POOL_LIMIT)] });
});

/** Case 8's nodes of the `local` chain, by role. */
const policyNodes = {};
let policyNodesStarted = null;
/**
 * Start case 8's nodes once. Case 2 calls it without waiting, so that their genesis builds (some
 * 20 s of CPU) overlap cases 2-5 rather than case 1's timings or the floods.
 */
function startPolicyNodes() {
  if (!policyNodesStarted) {
    const key = (n) => String(n).padStart(64, '0');
    const specs = {
      validator: ['--alice', '--validator', '--node-key', key(11)],
      unsafeValidator: ['--alice', '--validator', '--node-key', key(12), '--rpc-methods', 'unsafe'],
      fullNode: ['--node-key', key(13)],
    };
    // allSettled: every node is either started (and stopped by `after`) or failed, never half-way.
    policyNodesStarted = Promise.allSettled(
      Object.entries(specs).map(async ([name, extraArgs]) => {
        policyNodes[name] = await startNode({
          name: `hostile-${name}`,
          chainArgs: ['--chain', 'local', '--tmp'],
          extraArgs,
          connect: false,
          startTimeoutMs: 180_000,
        });
      }),
    );
  }
  return policyNodesStarted;
}

after(async () => {
  await policyNodesStarted;
  await Promise.allSettled([node?.stop(), ...Object.values(policyNodes).map((n) => n.stop())]);
});

// ---------------------------------------------------------------------------------------------
// Raw JSON-RPC: the tests look at the exact error object, so they bypass @polkadot/api.

/** POST `body` (a string) to the node's RPC port; the status, the parsed JSON (or null) and the time. */
async function post(port, body, timeoutMs = 30_000) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, ms: Math.round(performance.now() - started) };
}

/** One JSON-RPC call: { status, error, result, ms }. */
async function rpc(port, method, params = []) {
  const res = await post(port, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
  return { ...res, error: res.json?.error ?? null, result: res.json?.result };
}

/** Assert that `res` is the JSON-RPC error { code, message, data } (strings or RegExps). */
function assertRpcError(res, { code, message, data }, label) {
  const shown = JSON.stringify(res.error ?? res.result ?? res.text).slice(0, 400);
  assert.ok(res.error, `${label}: not refused (${shown})`);
  assert.equal(res.error.code, code, `${label}: ${shown}`);
  const same = (want, got) => (want instanceof RegExp ? want.test(got ?? '') : want === got);
  assert.ok(same(message, res.error.message), `${label}: message ${JSON.stringify(res.error.message)}, expected ${message}`);
  if (data !== undefined) {
    assert.ok(same(data, res.error.data), `${label}: data ${JSON.stringify(res.error.data)}, expected ${data}`);
  }
}

/**
 * POST a body of `size` bytes announced with `Expect: 100-continue`, so that a server that refuses
 * it by its Content-Length answers before the body is sent (as curl does for large bodies).
 */
function postOfSize(port, size) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/json', 'content-length': size, expect: '100-continue' },
    });
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.on('continue', () => req.end(Buffer.alloc(size, 0x20)));
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode, json: JSON.parse(text), ms: Math.round(performance.now() - started) });
        req.destroy();
      });
    });
    req.on('error', reject);
  });
}

/** Open a WebSocket to the node, send `text`, return the first answer; then check the connection still serves. */
async function overWebSocket(port, text) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  const messages = [];
  let waiting = null;
  let closed = null;
  ws.onmessage = (e) => {
    messages.push(JSON.parse(String(e.data)));
    waiting?.();
  };
  ws.onclose = (e) => {
    closed = { code: e.code, reason: e.reason };
    waiting?.();
  };
  const next = (count, ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      waiting = () => {
        if (messages.length >= count || closed) {
          clearTimeout(timer);
          resolve();
        }
      };
      waiting();
    });
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = (e) => reject(new Error(`WebSocket: ${e.message}`));
  });
  const started = performance.now();
  ws.send(text);
  await next(1, 30_000);
  const ms = Math.round(performance.now() - started);
  const first = messages[0] ?? null;
  let after = null;
  if (!closed) {
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'system_health', params: [] }));
    await next(2, 10_000);
    after = messages[1] ?? null;
  }
  ws.close();
  return { first, after, closed, ms };
}

/**
 * The fork-aware pool's mempool size from Prometheus (watched + unwatched transactions). It is
 * refreshed as the pool works, not continuously; author_pendingExtrinsics (the ready queue of the
 * best view) is the live figure.
 */
async function poolGauges(prometheusPort) {
  const text = await (await fetch(`http://127.0.0.1:${prometheusPort}/metrics`)).text();
  const gauge = (name) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    assert.ok(m, `metric ${name} not exported`);
    return Number(m[1]);
  };
  return { mempool: gauge('substrate_sub_txpool_watched_txs') + gauge('substrate_sub_txpool_unwatched_txs') };
}

/** The node still answers quickly and still produces blocks. */
async function assertResponsive(t, label) {
  assert.ok(node.isRunning(), `${label}: the node exited`);
  const res = await rpc(node.ports.rpc, 'chain_getHeader');
  assert.ok(res.result, `${label}: chain_getHeader failed: ${res.text.slice(0, 200)}`);
  assert.ok(res.ms < MAX_LATENCY_MS, `${label}: chain_getHeader took ${res.ms} ms`);
  const from = parseInt(res.result.number, 16);
  await waitUntil(
    async () => parseInt((await rpc(node.ports.rpc, 'chain_getHeader')).result.number, 16) > from,
    { timeoutMs: 20_000, intervalMs: 250, label: `${label}: a block after #${from}` },
  );
  t.diagnostic(`${label}: chain_getHeader answered in ${res.ms} ms, block #${from + 1} followed`);
}

/** A state snapshot the refusals must not change. */
async function balancesOf(api, ...pairs) {
  return Promise.all(pairs.map(async (p) => accountAt(api, p.address)));
}

/** Sign without any RPC round trip, at `header` with a mortal era of `period` blocks. */
function signOffline(api, tx, pair, { nonce, header, period }) {
  const era = api.registry.createType('ExtrinsicEra', { current: header.number, period });
  tx.sign(pair, {
    blockHash: header.hash,
    genesisHash: api.genesisHash,
    era,
    nonce,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
    version: api.extrinsicType,
  });
  return tx;
}

/**
 * Submit `hex` with author_submitAndWatchExtrinsic over `provider`. Resolves
 * { accepted, refusal: {code, message}|null, statuses } once the pool has answered; `statuses`
 * keeps filling as the pool reports.
 */
async function submitWatched(provider, hex) {
  const entry = { accepted: false, refusal: null, statuses: [] };
  try {
    await provider.subscribe('author_extrinsicUpdate', 'author_submitAndWatchExtrinsic', [hex], (err, status) => {
      entry.statuses.push(err ? `error: ${err.message}` : typeof status === 'string' ? status : Object.keys(status)[0]);
    });
    entry.accepted = true;
  } catch (err) {
    const m = /^(-?\d+): (.*)$/s.exec(err.message);
    entry.refusal = m ? { code: Number(m[1]), message: m[2] } : { code: null, message: err.message };
  }
  return entry;
}

const lastStatus = (entry) => entry.statuses.at(-1) ?? 'none';

// ---------------------------------------------------------------------------------------------

test(
  '1. an extrinsic longer than the Normal block-length limit is refused with 1010 "would exhaust the block limits" in well under 2 s and never pooled; one just under is accepted and included',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice } = accounts;
    const port = node.ports.rpc;
    const limits = api.consts.system.blockLength.max;
    assert.equal(limits.normal.toNumber(), NORMAL_LENGTH_LIMIT, 'Normal length limit differs from 75 % of 5 MiB');
    assert.equal(limits.operational.toNumber(), 5 * 1024 * 1024);

    /** A remark from Alice whose whole extrinsic is `length` bytes. */
    const remarkOfLength = async (length) => {
      // 100,000 bytes: the remark's and the extrinsic's length prefixes take 4 bytes, as for ~4 MB.
      const probe = api.tx.system.remark(u8aToHex(new Uint8Array(100_000).fill(0xab)));
      await probe.signAsync(alice);
      const overhead = probe.encodedLength - 100_000;
      const tx = api.tx.system.remark(u8aToHex(new Uint8Array(length - overhead).fill(0xab)));
      await tx.signAsync(alice);
      assert.equal(tx.encodedLength, length, 'remark length arithmetic is off');
      return tx;
    };

    const before = await balancesOf(api, alice);
    for (const length of [NORMAL_LENGTH_LIMIT + 1, 5 * 1024 * 1024 + 1]) {
      const tx = await remarkOfLength(length);
      const res = await rpc(port, 'author_submitExtrinsic', [tx.toHex()]);
      t.diagnostic(`${length}-byte extrinsic (${(2 * length + 80) >> 20} MiB of JSON) refused in ${res.ms} ms`);
      assertRpcError(
        res,
        { code: 1010, message: 'Invalid Transaction', data: 'Transaction would exhaust the block limits' },
        `${length}-byte extrinsic`,
      );
      assert.ok(res.ms < MAX_LATENCY_MS, `refusing a ${length}-byte extrinsic took ${res.ms} ms`);
      const pending = await api.rpc.author.pendingExtrinsics();
      assert.ok(!pending.some((x) => x.hash.eq(tx.hash)), `the ${length}-byte extrinsic is in the pool`);
      assert.equal(pending.length, 0, 'something is waiting in the pool');
    }
    assert.deepEqual(await balancesOf(api, alice), before, "Alice's account changed");

    // Control: 1 KiB under the limit (more than the ~100 bytes of header the block counts) is
    // accepted, fits in a block, and is charged like any extrinsic, so the length alone was refused.
    const from = await bestNumber(api);
    const fits = await remarkOfLength(NORMAL_LENGTH_LIMIT - 1024);
    const res = await rpc(port, 'author_submitExtrinsic', [fits.toHex()]);
    assert.equal(res.error, null, `the ${fits.encodedLength}-byte control was refused: ${JSON.stringify(res.error)}`);
    const found = await findExtrinsic(api, fits.hash.toHex(), from, { timeoutMs: 30_000 });
    assert.ok(
      found.events.some(({ event }) => event.section === 'system' && event.method === 'ExtrinsicSuccess'),
      'the control remark did not succeed',
    );
    const after = await accountAt(api, alice.address, found.blockHash);
    assert.equal(after.nonce, before[0].nonce + 1);
    t.diagnostic(`a ${fits.encodedLength}-byte remark was included in #${found.blockNumber}, fee ${before[0].free - after.free}`);
    await assertResponsive(t, 'after oversized extrinsics');
  }),
);

test(
  '2. malformed extrinsics are refused with a decode error: 1040 when the bytes are not even a length-prefixed blob, 1002 when the runtime cannot decode them',
  withNodeLog(() => node, async (t) => {
    startPolicyNodes();
    const { api } = node;
    const { alice, bob } = accounts;
    const port = node.ports.rpc;
    const good = api.tx.balances.transferKeepAlive(bob.address, UNIT);
    await good.signAsync(alice);
    const body = good.toU8a(true); // without its length prefix
    assert.equal(body[0], 0x84, 'expected a signed v4 extrinsic');
    const call = good.method.toU8a();
    const callAt = body.length - call.length;
    const withByte = (at, value) => {
      const copy = body.slice();
      copy[at] = value;
      return u8aToHex(compactAddLength(copy));
    };
    // Deterministic "random" bytes (xorshift32), so that the outcome is the same on every run.
    let seed = 0x2545f491;
    const noise = Uint8Array.from({ length: 300 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed & 0xff;
    });

    const notABlob = {
      code: 1040,
      message: /^Client error: Could not decode `OpaqueExtrinsic\.0`:\s+Not enough data/,
    };
    const runtimeRefuses = {
      code: 1002,
      message: /^Verification Error: Runtime error: Execution failed: /,
    };
    const cases = [
      ['no bytes at all', '0x', notABlob],
      ['300 random bytes', u8aToHex(noise), notABlob],
      ['a valid extrinsic cut short by 10 bytes', good.toHex().slice(0, -20), notABlob],
      ['a valid extrinsic cut short by 10 bytes, length prefix fixed', u8aToHex(compactAddLength(body.slice(0, -10))), runtimeRefuses],
      ['version byte 0x83 (signed v3)', withByte(0, 0x83), runtimeRefuses],
      ['version byte 0x85 (signed v5, which does not exist)', withByte(0, 0x85), runtimeRefuses],
      ['version byte 0x04 (a bare v4 that carries a signature)', withByte(0, 0x04), runtimeRefuses],
      ['signed transfer with pallet index 0xfe', withByte(callAt, 0xfe), runtimeRefuses],
      ['signed transfer with call index 0xee', withByte(callAt + 1, 0xee), runtimeRefuses],
      ['bare extrinsic of pallet 0xff call 0xff', u8aToHex(compactAddLength(new Uint8Array([0x04, 0xff, 0xff, ...noise.slice(0, 40)]))), runtimeRefuses],
    ];
    const before = await balancesOf(api, alice, bob);
    let slowest = 0;
    for (const [label, hex, expected] of cases) {
      const res = await rpc(port, 'author_submitExtrinsic', [hex]);
      assertRpcError(res, expected, label);
      slowest = Math.max(slowest, res.ms);
      t.diagnostic(`${label}: ${res.error.code} in ${res.ms} ms`);
    }
    assert.ok(slowest < 1000, `a malformed extrinsic took ${slowest} ms to refuse`);
    assert.equal((await api.rpc.author.pendingExtrinsics()).length, 0, 'something is waiting in the pool');
    assert.deepEqual(await balancesOf(api, alice, bob), before, 'an account changed');
    // The untouched extrinsic is accepted and applied: the edits alone were refused.
    const from = await bestNumber(api);
    const ok = await rpc(port, 'author_submitExtrinsic', [good.toHex()]);
    assert.equal(ok.result, good.hash.toHex(), `the unedited transfer was refused: ${JSON.stringify(ok.error)}`);
    await findExtrinsic(api, good.hash.toHex(), from, { timeoutMs: 30_000 });
    await assertResponsive(t, 'after malformed extrinsics');
  }),
);

test(
  '3. the RPC server refuses a request over 15 MiB (HTTP 413 / WS -32007) and serves one of exactly 15 MiB; malformed JSON -32700, unknown method -32601, wrong params -32602; a 20,000-call batch does not stall other clients',
  withNodeLog(() => node, async (t) => {
    const port = node.ports.rpc;
    const health = (padding) =>
      `{"jsonrpc":"2.0","id":1,"method":"system_health","params":["${'a'.repeat(padding)}"]}`;
    const overhead = health(0).length;

    const big = await postOfSize(port, RPC_MAX_REQUEST + 1);
    t.diagnostic(`HTTP body of ${RPC_MAX_REQUEST + 1} bytes: ${big.status} in ${big.ms} ms`);
    assert.equal(big.status, 413, 'an oversized HTTP request was not refused with 413');
    assert.deepEqual(big.json.error, { code: -32007, message: 'Request is too big', data: `Exceeded max limit of ${RPC_MAX_REQUEST}` });

    const ws = await overWebSocket(port, health(RPC_MAX_REQUEST + 1 - overhead));
    t.diagnostic(`WebSocket message of ${RPC_MAX_REQUEST + 1} bytes: ${JSON.stringify(ws.first)} in ${ws.ms} ms`);
    assert.deepEqual(ws.first?.error, { code: -32007, message: 'Request is too big', data: `Exceeded max limit of ${RPC_MAX_REQUEST}` });
    assert.equal(ws.closed, null, 'the server closed the WebSocket');
    assert.equal(ws.after?.result?.isSyncing, false, 'the WebSocket did not serve the next request');

    // The limit is where it says: a request of exactly 15 MiB is served.
    const atLimit = await post(port, health(RPC_MAX_REQUEST - overhead));
    assert.equal(atLimit.status, 200);
    assert.equal(atLimit.json?.result?.isSyncing, false, `a ${RPC_MAX_REQUEST}-byte request was not served: ${atLimit.text.slice(0, 200)}`);
    t.diagnostic(`a ${RPC_MAX_REQUEST}-byte request was served in ${atLimit.ms} ms`);

    const parse = await post(port, '{"jsonrpc":"2.0","id":1,"method":');
    assert.deepEqual(parse.json, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    assertRpcError(await rpc(port, 'fxchain_noSuchMethod'), { code: -32601, message: 'Method not found' }, 'unknown method');
    assertRpcError(await rpc(port, 'author_submitExtrinsic', [42]), { code: -32602, message: 'Invalid params', data: /^invalid type: integer `42`/ }, 'a number for an extrinsic');
    assertRpcError(await rpc(port, 'chain_getBlockHash', ['xyz']), { code: -32602, message: 'Invalid params' }, 'a word for a block number');
    assertRpcError(await rpc(port, 'author_submitExtrinsic', []), { code: -32602, message: 'Invalid params' }, 'a missing parameter');

    // No batch limit by default (`--rpc-max-batch-request-len`): a 1.3 MB request of 20,000 calls
    // is served whole; meanwhile another client is answered in time.
    const calls = 20_000;
    const batch = JSON.stringify(Array.from({ length: calls }, (_, id) => ({ jsonrpc: '2.0', id, method: 'system_health', params: [] })));
    const probe = (async () => {
      await sleep(200);
      return rpc(port, 'chain_getHeader');
    })();
    const served = await post(port, batch, 60_000);
    const during = await probe;
    t.diagnostic(`batch of ${calls} calls (${batch.length} bytes): ${served.status} in ${served.ms} ms; chain_getHeader meanwhile ${during.ms} ms`);
    assert.equal(served.status, 200);
    assert.ok(Array.isArray(served.json), `the batch was not answered with an array: ${served.text.slice(0, 200)}`);
    assert.equal(served.json.length, calls, 'the batch was answered in part');
    assert.ok(during.result && during.ms < MAX_LATENCY_MS, `chain_getHeader during the batch took ${during.ms} ms`);
    await assertResponsive(t, 'after oversized and malformed RPC');
  }),
);

test(
  '4. unsigned calls from outside are refused: a bare transfer 1011 NoUnsignedValidator, a bare timestamp.set 1010 mandatory, a v5 general transaction with no signature 1010 "did not authorize any origin"',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const port = node.ports.rpc;
    const before = await balancesOf(api, alice, bob);

    const bare = api.tx.balances.transferKeepAlive(bob.address, UNIT);
    assert.equal(bare.isSigned, false);
    assertRpcError(
      await rpc(port, 'author_submitExtrinsic', [bare.toHex()]),
      { code: 1011, message: 'Unknown Transaction Validity', data: 'NoUnsignedValidator' },
      'bare transferKeepAlive',
    );

    const now = (await api.query.timestamp.now()).toNumber();
    assertRpcError(
      await rpc(port, 'author_submitExtrinsic', [api.tx.timestamp.set(now + 6000).toHex()]),
      { code: 1010, message: 'Invalid Transaction', data: 'Transaction dispatch is mandatory; transactions must not be validated.' },
      'bare timestamp.set',
    );

    // A v5 "general" transaction: the runtime's transaction extensions with their data, but no
    // signature, so no extension sets a signed origin. Its extension bytes are cut out of a
    // signed v4 transfer: version, address (1 + 32), signature (1 + 64), extensions, call.
    const signed = api.tx.balances.transferKeepAlive(bob.address, UNIT);
    await signed.signAsync(alice, { era: 0 });
    const body = signed.toU8a(true);
    const call = signed.method.toU8a();
    const extensions = body.slice(1 + 33 + 65, body.length - call.length);
    const general = (c) => u8aToHex(compactAddLength(u8aConcat(new Uint8Array([0x45, 0x00]), extensions, c)));
    for (const [label, c] of [
      ['transferKeepAlive', call],
      ['system.remark', api.tx.system.remark('0x1234').method.toU8a()],
    ]) {
      assertRpcError(
        await rpc(port, 'author_submitExtrinsic', [general(c)]),
        { code: 1010, message: 'Invalid Transaction', data: 'The transaction extension did not authorize any origin' },
        `general ${label} without a signature`,
      );
    }
    // A bare v5 is a bare extrinsic like v4's: no unsigned validator for a transfer.
    assertRpcError(
      await rpc(port, 'author_submitExtrinsic', [u8aToHex(compactAddLength(u8aConcat(new Uint8Array([0x05]), call)))]),
      { code: 1011, message: 'Unknown Transaction Validity', data: 'NoUnsignedValidator' },
      'bare v5 transferKeepAlive',
    );

    assert.equal((await api.rpc.author.pendingExtrinsics()).length, 0, 'something is waiting in the pool');
    assert.deepEqual(await balancesOf(api, alice, bob), before, 'an account changed');
    await assertResponsive(t, 'after unsigned calls');
  }),
);

test(
  '5. replay and nonces: an included transfer sent again is 1010 "outdated"; nonces 5 and a million ahead and nonce 2^32-1 wait in the future queue, move nothing, and are dropped when their era ends',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const port = node.ports.rpc;
    const amount = 3n * UNIT;

    const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
    const sent = await signSendFinalized(api, tx, alice);
    assert.equal(sent.error, null, `transfer failed: ${sent.error}`);
    const bobAfterOne = await accountAt(api, bob.address, sent.blockHash);
    const replay = await rpc(port, 'author_submitExtrinsic', [tx.toHex()]);
    assertRpcError(replay, { code: 1010, message: 'Invalid Transaction', data: 'Transaction is outdated' }, 'replayed transfer');
    t.diagnostic(`replay refused in ${replay.ms} ms`);

    // Future nonces, with a 4-block era so that the pool must let them go soon.
    const nonce = (await accountAt(api, alice.address)).nonce;
    const header = await api.rpc.chain.getHeader();
    const provider = new WsProvider(`ws://127.0.0.1:${port}`, false);
    await provider.connect();
    await provider.isReady;
    try {
      const futures = [];
      for (const [ahead, future] of [
        ['nonce +5', nonce + 5],
        ['nonce +1,000,000', nonce + 1_000_000],
        ['nonce 2^32-1', 2 ** 32 - 1],
      ]) {
        const ftx = signOffline(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice, {
          nonce: future,
          header,
          period: 4,
        });
        const entry = await submitWatched(provider, ftx.toHex());
        assert.ok(entry.accepted, `${ahead} refused: ${JSON.stringify(entry.refusal)}`);
        futures.push({ ahead, hex: ftx.toHex(), hash: ftx.hash.toHex(), entry });
      }
      await waitUntil(() => futures.every(({ entry }) => entry.statuses.length > 0), { timeoutMs: 10_000, label: 'first statuses' });
      for (const { ahead, hex, hash, entry } of futures) {
        assert.equal(entry.statuses[0], 'future', `${ahead}: ${entry.statuses}`);
        // Held: the pool knows it, and does not offer it for a block.
        assertRpcError(await rpc(port, 'author_submitExtrinsic', [hex]), { code: 1013, message: 'Transaction Already Imported' }, `${ahead} again`);
        const pending = await api.rpc.author.pendingExtrinsics();
        assert.ok(!pending.some((x) => x.hash.toHex() === hash), `${ahead} is offered for a block`);
      }

      // The era runs out: every one is reported dropped or invalid, none was included.
      const started = Date.now();
      await waitUntil(() => futures.every(({ entry }) => FINAL_STATUSES.has(lastStatus(entry))), {
        timeoutMs: 60_000,
        label: 'the future transactions to leave the pool',
      });
      for (const { ahead, hex, entry } of futures) {
        assert.deepEqual(entry.statuses.filter((s) => s !== 'future'), [lastStatus(entry)], `${ahead}: ${entry.statuses}`);
        assert.ok(['dropped', 'invalid'].includes(lastStatus(entry)), `${ahead}: ${entry.statuses}`);
        // Refused again: banned for the rest of the block (1012), or found stale (1010).
        const again = await rpc(port, 'author_submitExtrinsic', [hex]);
        assert.ok([1010, 1012].includes(again.error?.code), `${ahead} after its era: ${JSON.stringify(again.error ?? again.result)}`);
        t.diagnostic(`${ahead}: ${entry.statuses.join(' -> ')}; sent again after its era: ${again.error.code} ${again.error.data ?? again.error.message}`);
      }
      t.diagnostic(`the future transactions left the pool ${Date.now() - started} ms after the wait began`);
      const aliceNow = await accountAt(api, alice.address);
      const bobNow = await accountAt(api, bob.address);
      assert.equal(aliceNow.nonce, nonce, "Alice's nonce moved");
      assert.equal(bobNow.free, bobAfterOne.free, 'Bob was paid more than once');
    } finally {
      await provider.disconnect();
    }
    await assertResponsive(t, 'after replays and future nonces');
  }),
);

/**
 * Flood the pool with `count` transfers Alice -> Bob, signed offline with consecutive nonces and a
 * 4-block era, submitted watched over four WebSockets with `inFlight` submissions at a time. A
 * bystander (Charlie -> Dave) is pooled first. Samples RPC latency and the pool's size meanwhile,
 * waits for the pool's last word on every accepted transfer, and checks what holds whatever the
 * pool chose to keep: refusals are 1016, nothing is left without a final status, the pool stays
 * within its limits, what was finalised is a run of nonces the chain agrees with, the node answers
 * in time and keeps producing blocks, and the pool ends empty. Returns the figures.
 */
async function flood(t, { count, inFlight, afterBlock = false }) {
  const { api } = node;
  const { alice, bob, charlie, dave } = accounts;
  const port = node.ports.rpc;
  const amount = 1000n;

  const providers = [];
  for (let i = 0; i < 4; i++) {
    const p = new WsProvider(`ws://127.0.0.1:${port}`, false);
    await p.connect();
    await p.isReady;
    providers.push(p);
  }
  let sampling = true;
  const seen = { latency: [], mempool: 0, pending: 0, failures: [] };
  const sampler = (async () => {
    while (sampling) {
      try {
        const [header, pending, gauges] = await Promise.all([
          rpc(port, 'chain_getHeader'),
          rpc(port, 'author_pendingExtrinsics'),
          poolGauges(node.ports.prometheus),
        ]);
        if (!header.result) seen.failures.push(header.text.slice(0, 200));
        seen.latency.push(header.ms);
        seen.pending = Math.max(seen.pending, pending.result?.length ?? 0);
        seen.mempool = Math.max(seen.mempool, gauges.mempool);
      } catch (err) {
        seen.failures.push(err.message);
      }
      await sleep(50);
    }
  })();

  try {
    const aliceBefore = await accountAt(api, alice.address);
    const bobBefore = await accountAt(api, bob.address);
    const header = await api.rpc.chain.getHeader();
    const startBlock = header.number.toNumber();
    // Signed offline first, with a 4-block era: whatever the pool holds back must expire soon.
    let started = performance.now();
    const txs = Array.from({ length: count }, (_, i) => {
      const tx = signOffline(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice, {
        nonce: aliceBefore.nonce + i,
        header,
        period: 4,
      });
      return { nonce: aliceBefore.nonce + i, hex: tx.toHex(), entry: null };
    });
    t.diagnostic(`signed ${count} transfers in ${Math.round(performance.now() - started)} ms`);
    if (afterBlock) {
      // Start at the beginning of a slot, so that the whole burst lands between two blocks.
      const at = await bestNumber(api);
      await waitUntil(async () => (await bestNumber(api)) > at, { timeoutMs: 20_000, intervalMs: 50, label: 'a new block' });
    }

    // Another user's transfer, already in the pool when the flood starts.
    const bystanderTx = api.tx.balances.transferKeepAlive(dave.address, UNIT);
    await bystanderTx.signAsync(charlie, { era: 16 });
    const bystander = await submitWatched(providers[0], bystanderTx.toHex());
    assert.ok(bystander.accepted, `the bystander's transfer was refused: ${JSON.stringify(bystander.refusal)}`);

    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          const tx = txs[next++];
          tx.entry = await submitWatched(providers[tx.nonce % providers.length], tx.hex);
        }
      }),
    );
    const burstMs = Math.round(performance.now() - started);
    const accepted = txs.filter((x) => x.entry.accepted);
    const refused = txs.filter((x) => !x.entry.accepted);
    const refusals = {};
    for (const { entry } of refused) {
      const key = `${entry.refusal.code} ${entry.refusal.message}`;
      refusals[key] = (refusals[key] ?? 0) + 1;
    }
    t.diagnostic(`burst: ${count} submissions in ${burstMs} ms; ${accepted.length} accepted; refused: ${JSON.stringify(refusals)}`);
    for (const { entry } of refused) {
      assert.equal(entry.refusal.code, 1016, `unexpected refusal ${JSON.stringify(entry.refusal)}`);
      assert.match(entry.refusal.message, /^Immediately Dropped/);
    }

    // Every accepted transaction gets a last word from the pool: nothing is lost silently.
    started = performance.now();
    const histogram = (list) => {
      const h = {};
      for (const e of list) h[e.statuses.join(',')] = (h[e.statuses.join(',')] ?? 0) + 1;
      return h;
    };
    await waitUntil(
      () => [...accepted.map((x) => x.entry), bystander].every((e) => FINAL_STATUSES.has(lastStatus(e))),
      { timeoutMs: 90_000, intervalMs: 250, label: 'a final status for every accepted transaction' },
    ).catch((err) => {
      const open = accepted.map((x) => x.entry).filter((e) => !FINAL_STATUSES.has(lastStatus(e)));
      throw new Error(`${err.message}; still open: ${JSON.stringify(histogram(open))}; bystander ${bystander.statuses}`);
    });
    const settleMs = Math.round(performance.now() - started);
    t.diagnostic(`every accepted transfer had its last word ${settleMs} ms after the burst: ${JSON.stringify(histogram(accepted.map((x) => x.entry)))}`);
    t.diagnostic(`the bystander (Charlie -> Dave, pooled before the flood): ${bystander.statuses.join(' -> ')}`);
    for (const x of accepted) {
      assert.ok(['finalized', 'dropped', 'invalid'].includes(lastStatus(x.entry)), `nonce ${x.nonce}: ${x.entry.statuses}`);
    }

    // What was finalised is exactly a run of nonces from Alice's first, and the chain agrees.
    const included = accepted
      .filter((x) => x.entry.statuses.includes('finalized'))
      .map((x) => x.nonce)
      .sort((a, b) => a - b);
    included.forEach((n, i) =>
      assert.equal(n, aliceBefore.nonce + i, `finalised nonces are not a run from ${aliceBefore.nonce}: ${included.slice(0, 20)}`),
    );
    const aliceAfter = await accountAt(api, alice.address);
    const bobAfter = await accountAt(api, bob.address);
    assert.equal(aliceAfter.nonce, aliceBefore.nonce + included.length, "Alice's nonce does not match the finalised transfers");
    assert.equal(bobAfter.free - bobBefore.free, BigInt(included.length) * amount, "Bob's gain does not match the finalised transfers");
    t.diagnostic(`${included.length} of ${count} transfers included`);

    sampling = false;
    await sampler;
    const endBlock = await bestNumber(api);
    const elapsed = burstMs + settleMs;
    const latency = [...seen.latency].sort((a, b) => a - b);
    t.diagnostic(
      `pool peaks: author_pendingExtrinsics ${seen.pending} (ready limit ${POOL_LIMIT}), mempool gauge ${seen.mempool} (limit ${MEMPOOL_LIMIT}); ` +
        `chain_getHeader over ${latency.length} samples: median ${latency[latency.length >> 1]} ms, max ${latency.at(-1)} ms; ` +
        `blocks #${startBlock} -> #${endBlock} in ${elapsed} ms`,
    );
    assert.deepEqual(seen.failures, [], 'RPC calls failed during the flood');
    assert.ok(latency.length >= 10, 'too few latency samples');
    assert.ok(latency.at(-1) < MAX_LATENCY_MS, `chain_getHeader took ${latency.at(-1)} ms during the flood`);
    assert.ok(seen.pending <= POOL_LIMIT, `author_pendingExtrinsics listed ${seen.pending} > ${POOL_LIMIT}`);
    assert.ok(seen.mempool <= MEMPOOL_LIMIT, `the mempool held ${seen.mempool} > ${MEMPOOL_LIMIT}`);
    assert.ok(endBlock - startBlock >= Math.floor(elapsed / 6000) - 1, `only ${endBlock - startBlock} blocks in ${elapsed} ms`);

    // Nothing is left behind (the gauges are updated as blocks are imported).
    await waitUntil(
      async () => (await api.rpc.author.pendingExtrinsics()).length === 0 && (await poolGauges(node.ports.prometheus)).mempool === 0,
      { timeoutMs: 20_000, label: 'an empty pool after the flood' },
    );
    return { accepted, refused, included, bystander, seen };
  } finally {
    sampling = false;
    await sampler;
    for (const p of providers) await p.disconnect().catch(() => {});
  }
}

test(
  `6a. a flood of 2,000 pre-signed transfers from one account, 64 in flight: refused only with 1016, every accepted one reported finalized or dropped, the pool within ${POOL_LIMIT} ready / ${MEMPOOL_LIMIT} held, the node answering in under 2 s and producing blocks`,
  withNodeLog(() => node, async (t) => {
    await flood(t, { count: 2000, inFlight: 64 });
    await assertResponsive(t, 'after the concurrent flood');
  }),
);

test(
  `6b. 400 transfers from one account in nonce order, one at a time, between two blocks: the ready queue fills to its limit of ${POOL_LIMIT} and no further; every accepted one is reported`,
  withNodeLog(() => node, async (t) => {
    const { seen, included } = await flood(t, { count: 400, inFlight: 1, afterBlock: true });
    // In order, nothing waits for a missing nonce: the ready queue grows until the limit stops it.
    assert.ok(seen.pending > POOL_LIMIT / 2, `the ready queue only reached ${seen.pending}: the flood did not load the pool`);
    t.diagnostic(`${included.length} included`);
    await assertResponsive(t, 'after the in-order flood');
  }),
);

test(
  '7. after all of it, a normal transfer is finalised and pays exactly its amount',
  withNodeLog(() => node, async (t) => {
    const { api } = node;
    const { alice, bob } = accounts;
    const amount = 42n * UNIT;
    const res = await signSendFinalized(api, api.tx.balances.transferKeepAlive(bob.address, amount), alice);
    assert.equal(res.error, null, `transfer failed: ${res.error}`);
    const before = await accountAt(api, bob.address, res.parentHash);
    const after = await accountAt(api, bob.address, res.blockHash);
    assert.equal(after.free - before.free, amount);
    t.diagnostic(`finalised in #${res.blockNumber}`);
  }),
);

test(
  '8. unsafe RPC: a local-chain validator refuses author_rotateKeys, author_insertKey and system_addReservedPeer with -32601 "RPC call is unsafe to be called externally" unless started with --rpc-methods unsafe; a full node keeps auto (unsafe on loopback)',
  async (t) => {
    try {
      const failed = (await startPolicyNodes()).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      const unsafe = { code: -32601, message: 'RPC call is unsafe to be called externally' };
      const peer = `/ip4/127.0.0.1/tcp/${await freePort()}/p2p/12D3KooWE3quQCP6Xu7eXpcmmpwVS1KofWnPCBWYNHCswgaqwCso`;

      const validator = policyNodes.validator.ports.rpc;
      const health = await rpc(validator, 'system_health');
      assert.equal(health.error, null, `system_health on the validator: ${JSON.stringify(health.error)}`);
      assert.equal(typeof health.result.peers, 'number');
      const rotate = await rpc(validator, 'author_rotateKeys');
      t.diagnostic(`validator, author_rotateKeys: ${JSON.stringify(rotate.error ?? rotate.result)}`);
      assertRpcError(rotate, unsafe, 'author_rotateKeys on a validator');
      assertRpcError(await rpc(validator, 'author_insertKey', ['babe', '//Eve', '0x' + '00'.repeat(32)]), unsafe, 'author_insertKey on a validator');
      assertRpcError(await rpc(validator, 'system_addReservedPeer', [peer]), unsafe, 'system_addReservedPeer on a validator');

      const opened = await rpc(policyNodes.unsafeValidator.ports.rpc, 'author_rotateKeys');
      assert.equal(opened.error, null, `--rpc-methods unsafe validator refused author_rotateKeys: ${JSON.stringify(opened.error)}`);
      assert.match(opened.result, /^0x[0-9a-f]{128,}$/, 'author_rotateKeys returned no keys');

      const full = await rpc(policyNodes.fullNode.ports.rpc, 'author_rotateKeys');
      assert.equal(full.error, null, `a full node under auto refused author_rotateKeys on loopback: ${JSON.stringify(full.error)}`);
      assert.match(full.result, /^0x[0-9a-f]+$/);
    } catch (err) {
      for (const n of Object.values(policyNodes)) console.error(`\n----- tail of ${n.logFile} -----\n${n.tail(30)}\n-----`);
      throw err;
    }
  },
);
