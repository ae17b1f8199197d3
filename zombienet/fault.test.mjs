// Fault tests of a four-validator `local` network (network.mjs: Alice, Bob, Charlie and Dave on
// loopback, each with its own base path), run by us rather than zombienet, whose native provider
// cannot kill or restart a node. BABE slots are 6 s; an epoch (= a session) is
// `validatorSet.sessionLength` slots, 20 (2 minutes) on `local`. GRANDPA needs more than two
// thirds of the four votes: three. In order:
//   1. all four produce (each BABE authority authors a block) and finalise: finalised >= 10 and
//      best - finalised < 5 on every node;
//   2. signed transfers stream in (Alice -> Bob through Dave's RPC, Charlie -> Dave through Alice's)
//      and Dave is killed with SIGKILL mid-stream, just after we read his finalised head and the
//      balances at it: the other three keep finalising (>= 3 blocks) and keep finalising transfers;
//   3. Dave restarts on the same base path, first with no peers (`--reserved-only`, no bootnode) so
//      that we read his disk: that finalised block (same hash at that number), the same balances at
//      it, and every transfer he had reported finalised, in its block;
//   4. back on the network he catches up within 60 s and follows Alice's chain (no fork);
//   5. nothing is lost: every transfer we saw finalised (through Dave before the kill, through Alice
//      throughout) is in the same canonical block on Dave, and every transfer Alice's pool
//      accepted was finalised;
//   6. with two validators down (Charlie and Dave, SIGKILL) finality stalls: the survivors' finalised
//      number does not move for 30 s, and they agree on the finalised hash;
//   7. Charlie and Dave restart: finality resumes (>= 3 blocks) and all four hold the same blocks;
//   8. Bob, stopped for longer than an epoch (the BABE epoch changes while he is down), restarts,
//      imports and finalises what he missed with the same hashes and the new epoch, and authors a
//      finalised block again (the BABE pre-digest's authority index names his key among the
//      authorities of that block's epoch);
//   9. at the end the four nodes hold the same blocks up to the lowest finalised height.
// Measured figures go to stdout as `[fault] ...` lines.
//
// Only safe RPC methods are used (chain_*, state_*, author_submitAndWatchExtrinsic,
// system_health, system_accountNextIndex), so the validators run with their default
// `--rpc-methods` (safe only on a non-dev validator).
//
// Run: node --test zombienet/fault.test.mjs   (FXCHAIN_NODE overrides the binary path). The
// transfers are signed with @polkadot/api from e2e/node_modules (`npm ci` in e2e/).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { rpcHttp, sleep } from '../e2e/lib/node.mjs';
import {
  assertSameBlocks,
  authorCounts,
  blockHash,
  babeAuthor,
  describeCounts,
  finalizedHead,
  heights,
  lowestFinalized,
  NAMES,
  startNetwork,
  waitUntil,
} from './network.mjs';

// e2e/lib/chain.mjs (and startNode's ApiPromise) use e2e's npm packages.
let chain;
try {
  chain = await import('../e2e/lib/chain.mjs');
} catch (err) {
  throw new Error(`the fault test signs transfers with e2e's @polkadot packages: run \`npm ci\` in e2e/ (${err.message})`);
}
const { accountAt, devAccounts, UNIT } = chain;

/** One transfer of each stream every this many ms (a block is 6 s). */
const STREAM_EVERY_MS = 1500;
/** How long the survivors' finality must stand still with two validators down. */
const STALL_WATCH_MS = 30_000;

const figure = (text) => console.log(`[fault] ${text}`);
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const hex = (bytes) => '0x' + Buffer.from(bytes).toString('hex');

/** `promise`, or a rejection naming `label` if it has not settled within `ms`. */
function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A stream of signed `balances.transferKeepAlive(dest, 1 FXC + i)` from `signer`, submitted through
 * `node`'s RPC every `everyMs` with consecutive nonces, until `stop()` or until the node stops
 * answering (it was killed). Each entry of `sent` records what the node reported about it:
 * `fate` 'pending', 'finalized' (with the block hash in `finalized` and the dispatch error, if
 * any, in `error`) or the pool's verdict ('Invalid', 'Dropped', ...).
 */
function streamTransfers(label, node, signer, dest, everyMs) {
  const { api } = node;
  const stream = { label, sent: [], stopped: false, endedBy: null };
  stream.ended = (async () => {
    try {
      let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
      for (let i = 0; !stream.stopped; i++) {
        const tx = api.tx.balances.transferKeepAlive(dest.address, UNIT + BigInt(i));
        await withTimeout(tx.signAsync(signer, { nonce }), 15_000, `${label}: signing`);
        const entry = { nonce, txHash: tx.hash.toHex(), sentAt: Date.now(), fate: 'pending', finalized: null, error: null };
        const unsub = await withTimeout(
          tx.send((result) => {
            const { status } = result;
            if (status.isFinalized) {
              entry.finalized = status.asFinalized.toHex();
              entry.error = result.dispatchError ? result.dispatchError.toString() : null;
              entry.fate = 'finalized';
            } else if (status.isInvalid || status.isDropped || status.isUsurped || status.isFinalityTimeout) {
              entry.fate = status.type;
            }
            if (entry.fate !== 'pending' && entry.unsub) entry.unsub();
          }),
          15_000,
          `${label}: submitting`,
        );
        entry.unsub = () => {
          entry.unsub = null;
          try {
            unsub();
          } catch {
            /* the connection is gone */
          }
        };
        if (entry.fate !== 'pending') entry.unsub();
        stream.sent.push(entry);
        nonce += 1;
        await sleep(everyMs);
      }
    } catch (err) {
      stream.endedBy = err.message;
    }
  })();
  stream.stop = async () => {
    stream.stopped = true;
    await stream.ended;
  };
  stream.count = (fate) => stream.sent.filter((e) => e.fate === fate).length;
  return stream;
}

/**
 * Assert that every transfer of `entries` (each with the hash of the block it was finalised in)
 * is in that block on `node`, and that block is canonical there at or below its finalised head.
 * Returns the number of each block, by hash.
 */
async function assertTransfersOn(node, entries) {
  const byBlock = new Map();
  for (const e of entries) byBlock.set(e.finalized, [...(byBlock.get(e.finalized) || []), e]);
  const finalized = (await heights(node)).finalized;
  const numbers = new Map();
  for (const [hash, inThisBlock] of byBlock) {
    const header = await rpcHttp(node.ports.rpc, 'chain_getHeader', [hash]);
    assert.ok(header, `${node.name} does not have block ${hash}, which finalised transfers`);
    const number = parseInt(header.number, 16);
    assert.ok(number <= finalized, `${node.name}: block #${number} ${hash} is above its finalised #${finalized}`);
    assert.equal(await blockHash(node, number), hash, `${node.name}: canonical #${number} is not the block ${hash} that finalised transfers`);
    const block = await node.api.rpc.chain.getBlock(hash);
    const inBlock = new Set(block.block.extrinsics.map((x) => x.hash.toHex()));
    for (const e of inThisBlock) {
      assert.ok(inBlock.has(e.txHash), `${node.name}: transfer ${e.txHash} (nonce ${e.nonce}) is missing from #${number}`);
    }
    numbers.set(hash, number);
  }
  return numbers;
}

/** System.Account (nonce, free, reserved, frozen, providers) of the four validators' accounts at block `hash`. */
async function accountsAt(api, accounts, hash) {
  const out = {};
  for (const name of NAMES) out[name] = await accountAt(api, accounts[name].address, hash);
  return out;
}

/**
 * The account key of the BABE authority that authored block `hash`: the pre-digest's authority
 * index looked up in `babe.authorities` at that block, i.e. the authorities of the block's epoch
 * (an epoch change is enacted in the first block of the new epoch). Independent of the order the
 * session gives the authorities in.
 */
async function babeAuthorKey(node, hash) {
  const header = await rpcHttp(node.ports.rpc, 'chain_getHeader', [hash]);
  const index = babeAuthor(header);
  assert.notEqual(index, null, `block ${hash} has no BABE pre-digest`);
  const authorities = await (await node.api.at(hash)).query.babe.authorities();
  assert.ok(index < authorities.length, `authority index ${index} out of ${authorities.length} at ${hash}`);
  return authorities[index][0].toHex();
}

// ---------------------------------------------------------------------------------------------

describe('four-validator local network: crashes, a finality stall and an epoch-long outage', { timeout: 1_500_000 }, () => {
  let net;
  let nodes;
  let accounts;
  const streams = {};
  /** What Dave's node said just before his SIGKILL (test 2), checked after his restart. */
  let atKill;
  /** Where the survivors' finality stood with Charlie and Dave down (test 5). */
  let stall;
  const start = (name, options) => net.start(name, options);
  const kill9 = (name) => net.kill9(name);
  const report = (err) => net.report(err);

  before(async () => {
    accounts = await devAccounts();
    net = await startNetwork({ prefix: 'fault' });
    nodes = net.nodes;
  });

  after(async () => {
    for (const stream of Object.values(streams)) stream.stopped = true;
    if (net) await net.stop();
  });

  test('all four validators produce and finalise: finalised >= 10 and best - finalised < 5 on each', async () => {
    try {
      const started = Date.now();
      for (const name of NAMES) {
        await waitUntil(
          async () => {
            const h = await heights(nodes[name]);
            return { ...h, ok: h.finalized >= 10 };
          },
          240_000,
          `${name} finalised >= 10`,
        );
      }
      figure(`start: finalised >= 10 on all four after ${seconds(Date.now() - started)}`);
      for (const name of NAMES) {
        const h = await waitUntil(
          async () => {
            const h = await heights(nodes[name]);
            return { ...h, ok: h.best - h.finalized < 5 };
          },
          30_000,
          `${name} best - finalised < 5`,
        );
        const health = await rpcHttp(nodes[name].ports.rpc, 'system_health');
        figure(`start: ${name} best #${h.best}, finalised #${h.finalized}, peers ${health.peers}`);
        assert.ok(health.peers >= 1, `${name} has no peers`);
      }
      // All four produce: wait until each BABE authority index (0..3) has authored a block. BABE
      // assigns slots pseudo-randomly, so this waits rather than looks at a fixed range.
      const authors = await waitUntil(
        async () => {
          const counts = await authorCounts(nodes.alice);
          return { counts, ok: [0, 1, 2, 3].every((i) => counts.get(i) > 0) };
        },
        180_000,
        'every authority authored a block',
      );
      figure(`start: authors so far: ${describeCounts(authors.counts)}`);

      // One chain: the four agree on the hash of a finalised block.
      const h = await lowestFinalized(nodes, NAMES);
      const hashes = await Promise.all(NAMES.map((n) => blockHash(nodes[n], h)));
      assert.equal(new Set(hashes).size, 1, `validators disagree on finalised block #${h}: ${hashes}`);
    } catch (err) {
      report(err);
    }
  });

  test('Dave killed with SIGKILL while transfers stream in: the other three keep finalising blocks (+3) and transfers', async () => {
    try {
      const dave = nodes.dave;
      streams.viaDave = streamTransfers('Alice -> Bob via Dave', dave, accounts.alice, accounts.bob, STREAM_EVERY_MS);
      streams.viaAlice = streamTransfers('Charlie -> Dave via Alice', nodes.alice, accounts.charlie, accounts.dave, STREAM_EVERY_MS);
      // Mid-stream: some of Dave's transfers finalised, the latest still in flight.
      const ready = await waitUntil(
        async () => {
          const s = streams.viaDave;
          const finalized = s.count('finalized');
          const last = s.sent.at(-1);
          return { finalized, sent: s.sent.length, endedBy: s.endedBy, ok: s.endedBy !== null || (finalized >= 3 && last?.fate === 'pending') };
        },
        180_000,
        'three transfers through Dave finalised and more in flight',
      );
      assert.equal(ready.endedBy, null, `the stream through Dave ended before the kill: ${ready.endedBy}`);
      assert.equal(streams.viaAlice.endedBy, null, `the stream through Alice ended: ${streams.viaAlice.endedBy}`);

      // Dave's finalised head and the balances at it, then SIGKILL with nothing in between.
      const head = await finalizedHead(dave);
      const balances = await accountsAt(dave.api, accounts, head.hash);
      const killedAt = Date.now();
      const killed = kill9('dave'); // sends SIGKILL before its first await
      const sent = streams.viaDave.sent.map((e) => ({ ...e }));
      await killed;
      await streams.viaDave.stop();
      atKill = {
        ...head,
        balances,
        at: killedAt,
        finalizedViaDave: sent.filter((e) => e.fate === 'finalized'),
        inFlight: sent.filter((e) => e.fate === 'pending'),
      };
      figure(
        `kill -9 Dave at finalised #${head.number} (${head.hash}): ${sent.length} transfers sent through him, ` +
          `${atKill.finalizedViaDave.length} finalised, ${atKill.inFlight.length} in flight; ` +
          `through Alice so far ${streams.viaAlice.sent.length} sent, ${streams.viaAlice.count('finalized')} finalised`,
      );
      for (const e of atKill.finalizedViaDave) assert.equal(e.error, null, `transfer ${e.txHash} (nonce ${e.nonce}) failed: ${e.error}`);

      const finalizedAtKill = (await heights(nodes.alice)).finalized;
      const started = Date.now();
      for (const name of ['alice', 'bob', 'charlie']) {
        const h = await waitUntil(
          async () => {
            const h = await heights(nodes[name]);
            return { ...h, ok: h.finalized >= finalizedAtKill + 3 };
          },
          180_000,
          `${name} finalised >= #${finalizedAtKill + 3} without Dave`,
        );
        figure(`Dave down: ${name} finalised #${h.finalized} (Alice's was #${finalizedAtKill} at the kill)`);
      }
      figure(`Dave down: finality advanced 3 blocks without him in ${seconds(Date.now() - started)}`);
      // Payments keep being finalised while Dave is down.
      const during = await waitUntil(
        async () => {
          const n = streams.viaAlice.sent.filter((e) => e.sentAt > killedAt && e.fate === 'finalized').length;
          return { n, endedBy: streams.viaAlice.endedBy, ok: n >= 2 || streams.viaAlice.endedBy !== null };
        },
        120_000,
        'two transfers sent through Alice after the kill finalised',
      );
      assert.equal(during.endedBy, null, `the stream through Alice ended: ${during.endedBy}`);
      figure(`Dave down: ${during.n} transfers sent through Alice after the kill already finalised`);
    } catch (err) {
      report(err);
    }
  });

  test('Dave restarted on the same base path after SIGKILL has every finalised block, balance and transfer on disk', async () => {
    try {
      assert.ok(atKill, 'the kill test did not run');
      // First with no peers, so that what he shows comes from his disk, not from a re-sync.
      const started = Date.now();
      const dave = await start('dave', { isolated: true });
      const head = await finalizedHead(dave);
      figure(`Dave restarted (isolated) in ${seconds(Date.now() - started)} with finalised #${head.number} (#${atKill.number} before the kill)`);
      assert.ok(head.number >= atKill.number, `Dave restarted with finalised #${head.number}, below the #${atKill.number} he had finalised before the kill`);
      assert.equal(await blockHash(dave, atKill.number), atKill.hash, `Dave's #${atKill.number} changed across the crash`);
      assert.deepEqual(
        await accountsAt(dave.api, accounts, atKill.hash),
        atKill.balances,
        `balances at finalised #${atKill.number} changed across the crash`,
      );
      await assertTransfersOn(dave, atKill.finalizedViaDave);
      const health = await rpcHttp(dave.ports.rpc, 'system_health');
      assert.equal(health.peers, 0, 'the isolated Dave has peers: these reads may come from a re-sync');
      assert.equal((await finalizedHead(dave)).number, head.number, 'the isolated Dave finalised something');
      figure(
        `Dave's disk after kill -9: finalised #${head.number}, #${atKill.number} = ${atKill.hash}, balances of the four at it unchanged, ` +
          `all ${atKill.finalizedViaDave.length} transfers he had reported finalised present`,
      );
      // It is the network's block, with the network's state.
      assert.equal(await blockHash(nodes.alice, atKill.number), atKill.hash, `Alice's #${atKill.number} is not the one Dave finalised`);
      assert.deepEqual(await accountsAt(nodes.alice.api, accounts, atKill.hash), atKill.balances, `Alice reads other balances at #${atKill.number}`);
      await dave.stop();
    } catch (err) {
      report(err);
    }
  });

  test('Dave back on the network catches up within 60 s and follows the same chain (no fork)', async () => {
    try {
      assert.ok(atKill, 'the kill test did not run');
      const started = Date.now();
      const dave = await start('dave');
      const result = await waitUntil(
        async () => {
          const [d, a] = await Promise.all([heights(dave), heights(nodes.alice)]);
          return { dave: d, alice: a, ok: d.finalized >= a.finalized - 2 && d.finalized > atKill.number };
        },
        60_000,
        "Dave's finalised head within 2 blocks of Alice's",
      );
      figure(
        `Dave caught up ${seconds(Date.now() - started)} after rejoining (${seconds(Date.now() - atKill.at)} after the kill): ` +
          `finalised #${result.dave.finalized}, Alice #${result.alice.finalized}`,
      );
      // Same blocks at every height from before the kill to what Dave reached, and the same
      // balances at the block he had finalised.
      await assertSameBlocks(nodes, ['alice', 'dave'], Math.max(1, atKill.number - 2), result.dave.finalized);
      assert.deepEqual(await accountsAt(dave.api, accounts, atKill.hash), atKill.balances, `balances at #${atKill.number} changed`);
      // Dave follows the live chain, not just the backlog.
      const later = await waitUntil(
        async () => {
          const d = await heights(dave);
          return { ...d, ok: d.finalized >= result.dave.finalized + 2 };
        },
        90_000,
        `Dave finalises past #${result.dave.finalized + 1}`,
      );
      const [d, a] = await Promise.all([blockHash(dave, later.finalized), blockHash(nodes.alice, later.finalized)]);
      assert.equal(d, a, `fork after catch-up: Dave's #${later.finalized} is ${d}, Alice's is ${a}`);
      figure(`Dave then finalised #${later.finalized}, same hash as Alice's`);
    } catch (err) {
      report(err);
    }
  });

  test('no finalised transfer is lost: each one seen finalised is in the same canonical block on Dave, and Alice finalised all she accepted', async () => {
    try {
      assert.ok(atKill, 'the kill test did not run');
      const viaAlice = streams.viaAlice;
      await viaAlice.stop();
      assert.equal(viaAlice.endedBy, null, `the stream through Alice ended: ${viaAlice.endedBy}`);
      await waitUntil(
        async () => {
          const pending = viaAlice.count('pending');
          return { pending, ok: pending === 0 };
        },
        180_000,
        'every transfer sent through Alice finalised or refused',
      );
      // Alice never went down: every transfer her pool accepted is finalised, successfully.
      for (const e of viaAlice.sent) {
        assert.equal(e.fate, 'finalized', `transfer ${e.txHash} (nonce ${e.nonce}) sent through Alice ended ${e.fate}`);
        assert.equal(e.error, null, `transfer ${e.txHash} (nonce ${e.nonce}) failed: ${e.error}`);
      }
      const seen = [...atKill.finalizedViaDave, ...viaAlice.sent];
      const numbers = await assertTransfersOn(nodes.alice, seen);
      const highest = Math.max(...numbers.values());
      const dave = nodes.dave;
      await waitUntil(
        async () => {
          const h = await heights(dave);
          return { ...h, ok: h.finalized >= highest };
        },
        120_000,
        `Dave finalised #${highest}`,
      );
      await assertTransfersOn(dave, seen);
      const duringOutage = viaAlice.sent.filter((e) => e.sentAt > atKill.at).length;
      // What was in flight in Dave's pool at the kill is not promised; count what the others
      // had already received by gossip and included.
      const inFlight = new Set(atKill.inFlight.map((e) => e.txHash));
      let landed = 0;
      const finalized = (await heights(dave)).finalized;
      for (let n = atKill.number + 1; n <= finalized && inFlight.size > 0; n++) {
        const block = await dave.api.rpc.chain.getBlock(await blockHash(dave, n));
        for (const x of block.block.extrinsics) if (inFlight.delete(x.hash.toHex())) landed += 1;
      }
      figure(
        `transfers: through Dave ${atKill.finalizedViaDave.length} finalised before the kill, all on Dave after the restart ` +
          `(${atKill.inFlight.length} in flight at the kill, ${landed} of them finalised later: gossiped before the kill); ` +
          `through Alice ${viaAlice.sent.length} sent, all finalised and on Dave, ${duringOutage} of them sent during his outage; ` +
          `${seen.length} transfers in ${numbers.size} blocks up to #${highest} checked`,
      );
    } catch (err) {
      report(err);
    }
  });

  test('with two of four validators down (Charlie, Dave: SIGKILL) finality stalls for 30 s and the survivors agree on the finalised block', async () => {
    try {
      const survivors = ['alice', 'bob'];
      const bestBefore = await Promise.all(survivors.map(async (n) => (await heights(nodes[n])).best));
      await Promise.all([kill9('charlie'), kill9('dave')]);
      // Votes already on the wire may still complete a round that three voters precommitted
      // before the kill: settle for two slots, and until both survivors show the same finalised
      // number twice in a row, before watching.
      await sleep(12_000);
      let previous = null;
      const settled = await waitUntil(
        async () => {
          const now = (await Promise.all(survivors.map((n) => heights(nodes[n])))).map((h) => h.finalized);
          const ok = now[0] === now[1] && previous !== null && previous[0] === now[0] && previous[1] === now[1];
          previous = now;
          return { finalized: now, ok };
        },
        60_000,
        "the survivors' finalised heads settle",
      );
      const stalledAt = Math.max(...settled.finalized);
      const watchFrom = Date.now();
      let samples = 0;
      let last;
      while (Date.now() - watchFrom < STALL_WATCH_MS) {
        await sleep(2000);
        last = await Promise.all(survivors.map((n) => heights(nodes[n])));
        samples += 1;
        survivors.forEach((name, i) =>
          assert.ok(
            last[i].finalized <= stalledAt,
            `${name} finalised #${last[i].finalized} with only two of four GRANDPA voters up (stalled at #${stalledAt})`,
          ),
        );
      }
      const heads = await Promise.all(survivors.map((n) => finalizedHead(nodes[n])));
      assert.equal(heads[0].number, heads[1].number, `survivors' finalised heads differ: ${JSON.stringify(heads)}`);
      assert.equal(heads[0].hash, heads[1].hash, `survivors finalised different blocks at #${heads[0].number}: ${JSON.stringify(heads)}`);
      stall = heads[0];
      figure(
        `two down: finalised stood at #${stalledAt} for ${seconds(Date.now() - watchFrom)} (${samples} samples) on Alice and Bob, same hash ${stall.hash}; ` +
          `best meanwhile ${survivors.map((n, i) => `${n} #${bestBefore[i]} -> #${last[i].best}`).join(', ')}`,
      );
    } catch (err) {
      report(err);
    }
  });

  test('Charlie and Dave restarted: finality resumes (+3 finalised on all four) and all four hold the same blocks', async () => {
    try {
      assert.ok(stall, 'the stall test did not run');
      const started = Date.now();
      await start('charlie');
      await start('dave');
      for (const name of NAMES) {
        const h = await waitUntil(
          async () => {
            const h = await heights(nodes[name]);
            return { ...h, ok: h.finalized >= stall.number + 3 };
          },
          240_000,
          `${name} finalised >= #${stall.number + 3} after the restarts`,
        );
        figure(`finality resumed: ${name} finalised #${h.finalized} ${seconds(Date.now() - started)} after the restarts (stalled at #${stall.number})`);
      }
      const fin = await lowestFinalized(nodes, NAMES);
      await assertSameBlocks(nodes, NAMES, 1, fin);
      assert.equal(await blockHash(nodes.charlie, stall.number), stall.hash, 'the block finalised during the stall changed');
      figure(`finality resumed: blocks 1..${fin} identical on all four, ${seconds(Date.now() - started)} after the restarts`);
    } catch (err) {
      report(err);
    }
  });

  test('Bob stopped for longer than an epoch catches up, imports the new epoch with the same hashes, and authors a block again', async () => {
    try {
      const { api } = nodes.alice;
      const sessionLength = (await api.query.validatorSet.sessionLength()).toNumber();
      const slotMs = api.consts.babe.expectedBlockTime.toNumber();
      const epochMs = sessionLength * slotMs;
      const epochBefore = (await api.query.babe.epochIndex()).toNumber();
      const bobAtStop = await heights(nodes.bob);
      await nodes.bob.stop(); // SIGTERM: a clean stop, as for maintenance
      const stoppedAt = Date.now();
      // Down for a whole epoch and a slot, and until the others are in a later epoch.
      const down = await waitUntil(
        async () => {
          const epoch = (await api.query.babe.epochIndex()).toNumber();
          return { epoch, ok: Date.now() - stoppedAt >= epochMs + slotMs && epoch > epochBefore };
        },
        3 * epochMs + 60_000,
        `a new BABE epoch (after ${epochBefore}) while Bob is down`,
      );
      const downMs = Date.now() - stoppedAt;
      const target = await heights(nodes.alice);
      figure(
        `epoch outage: Bob down ${seconds(downMs)} (epoch ${epochMs / 1000} s = ${sessionLength} slots of ${slotMs / 1000} s), ` +
          `epoch ${epochBefore} -> ${down.epoch}; Bob had finalised #${bobAtStop.finalized}, Alice now #${target.finalized} (best #${target.best})`,
      );

      const restarted = Date.now();
      const bob = await start('bob');
      // Up to Alice's best at the restart: that includes the first block of the new epoch.
      const caught = await waitUntil(
        async () => {
          const h = await heights(bob);
          return { ...h, ok: h.finalized >= target.best };
        },
        180_000,
        `Bob finalised Alice's #${target.best}`,
      );
      const missed = target.best - bobAtStop.finalized;
      figure(`epoch outage: Bob imported and finalised the ${missed} blocks he missed (to #${caught.finalized}) in ${seconds(Date.now() - restarted)}`);
      await assertSameBlocks(nodes, ['alice', 'bob'], Math.max(1, bobAtStop.finalized - 2), caught.finalized);
      const bobHead = await finalizedHead(bob);
      const bobEpoch = (await (await bob.api.at(bobHead.hash)).query.babe.epochIndex()).toNumber();
      assert.ok(bobEpoch > epochBefore, `Bob's finalised state is still in epoch ${bobEpoch} (was ${epochBefore} at the stop)`);

      // Bob authors again: a finalised block above the height he had caught up to, whose BABE
      // pre-digest names his key. Blocks carry no author otherwise, and no one else holds his key.
      const bobKey = hex(accounts.bob.publicKey);
      let next = caught.best + 1;
      const authored = await waitUntil(
        async () => {
          const { finalized } = await heights(bob);
          for (; next <= finalized; next++) {
            const hash = await blockHash(bob, next);
            if ((await babeAuthorKey(bob, hash)) === bobKey) return { number: next, hash };
          }
          return { scannedTo: next - 1, ok: false };
        },
        240_000,
        `a finalised block authored by Bob above #${caught.best}`,
      );
      assert.equal(await blockHash(nodes.alice, authored.number), authored.hash, `Alice's #${authored.number} is not Bob's block`);
      assert.equal(await babeAuthorKey(nodes.alice, authored.hash), bobKey, 'Alice reads another author');
      const authoredEpoch = (await (await bob.api.at(authored.hash)).query.babe.epochIndex()).toNumber();
      figure(
        `epoch outage: Bob authored finalised #${authored.number} (epoch ${authoredEpoch}) ${seconds(Date.now() - restarted)} after his restart`,
      );
    } catch (err) {
      report(err);
    }
  });

  test('at the end all four nodes agree on every block up to the lowest finalised height', async () => {
    try {
      const fin = await lowestFinalized(nodes, NAMES);
      await assertSameBlocks(nodes, NAMES, 1, fin);
      figure(`end: blocks 1..${fin} identical on all four; authors: ${describeCounts(await authorCounts(nodes.alice))}`);
    } catch (err) {
      report(err);
    }
  });
});
