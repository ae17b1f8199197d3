// Fault test of a four-validator `local` network, run by us rather than zombienet (whose native
// provider cannot pause or restart a node).
//
// Four validators (Alice, Bob, Charlie, Dave) from a raw `local` spec, each with its own base path,
// a fixed node key (Alice is the bootnode of the others) and its own RPC/p2p/Prometheus ports, all on
// 127.0.0.1. Then:
//   1. all four produce (each BABE authority authors a block) and finalise: finalised >= 10 and
//      best - finalised < 5 on every node;
//   2. Dave is killed with SIGKILL: GRANDPA still has 3 of 4 votes, so finality advances >= 3 blocks;
//   3. Dave restarts on the same base path: within 60 s his finalised head is within 2 blocks of
//      Alice's and his block hashes at finalised heights equal Alice's (no fork);
//   4. at the end the four nodes hold the same blocks up to the lowest finalised height.
//
// Run: node --test zombienet/fault.test.mjs   (FXCHAIN_NODE overrides the binary path)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { freePort, nodeBinary, requireBinary, rpcHttp, sleep, startNode } from '../e2e/lib/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const LOG_DIR = join(here, 'logs');
const NAMES = ['alice', 'bob', 'charlie', 'dave'];
// Fixed ed25519 node keys (secret seeds), so peer ids are known before the nodes start.
const NODE_KEYS = {
  alice: '2b1f6c9c0a5e4d3b8a7f6e5d4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a01',
  bob: '2b1f6c9c0a5e4d3b8a7f6e5d4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a02',
  charlie: '2b1f6c9c0a5e4d3b8a7f6e5d4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a03',
  dave: '2b1f6c9c0a5e4d3b8a7f6e5d4c3b2a19f8e7d6c5b4a39281706f5e4d3c2b1a04',
};

// ---------------------------------------------------------------------------------------------
// Peer ids.

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex'));
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

/** libp2p peer id of an ed25519 secret seed: base58(identity multihash of the protobuf public key). */
function peerIdFromSeed(seedHex) {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
  const jwk = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  const pub = Buffer.from(jwk.x, 'base64url');
  return base58(Buffer.concat([Buffer.from([0x00, 0x24, 0x08, 0x01, 0x12, 0x20]), pub]));
}

/** The node's own word on a key's peer id (`key inspect-node-key`), or null if it has no such subcommand. */
function peerIdFromCli(bin, keyFile) {
  const out = spawnSync(bin, ['key', 'inspect-node-key', '--file', keyFile], { encoding: 'utf8' });
  if (out.status !== 0) return null;
  return out.stdout.trim().split('\n').pop().trim();
}

// ---------------------------------------------------------------------------------------------
// Chain reads over plain JSON-RPC.

async function heights(node) {
  const best = parseInt((await rpcHttp(node.ports.rpc, 'chain_getHeader')).number, 16);
  const fin = await rpcHttp(node.ports.rpc, 'chain_getFinalizedHead');
  const finalized = parseInt((await rpcHttp(node.ports.rpc, 'chain_getHeader', [fin])).number, 16);
  return { best, finalized };
}

const blockHash = (node, n) => rpcHttp(node.ports.rpc, 'chain_getBlockHash', [n]);

async function waitUntil(check, timeoutMs, label) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last && last.ok !== false) return last;
    } catch (err) {
      last = err.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${label} (last: ${JSON.stringify(last)})`);
    await sleep(1000);
  }
}

/** Read a SCALE compact integer at `offset`; returns [value, bytesRead]. */
function readCompact(bytes, offset) {
  const mode = bytes[offset] & 3;
  if (mode === 0) return [bytes[offset] >> 2, 1];
  if (mode === 1) return [(bytes[offset] | (bytes[offset + 1] << 8)) >> 2, 2];
  if (mode === 2) return [Buffer.from(bytes.slice(offset, offset + 4)).readUInt32LE() >>> 2, 4];
  throw new Error('big compact in a digest');
}

/** The BABE authority index that authored the block, from its BABE pre-runtime digest. */
function babeAuthor(header) {
  for (const log of header.digest.logs) {
    const b = Buffer.from(log.slice(2), 'hex');
    // DigestItem::PreRuntime = 6, engine id 'BABE', then Vec<u8> with the PreDigest.
    if (b[0] !== 6 || b.subarray(1, 5).toString('latin1') !== 'BABE') continue;
    const [, len] = readCompact(b, 5);
    const data = b.subarray(5 + len);
    return data.readUInt32LE(1); // variant byte, then authority_index: u32
  }
  return null;
}

/** How many blocks each BABE authority index authored on `node`'s best chain (block 1 on). */
async function authorCounts(node) {
  const { best } = await heights(node);
  const counts = new Map();
  for (let n = 1; n <= best; n++) {
    const header = await rpcHttp(node.ports.rpc, 'chain_getHeader', [await blockHash(node, n)]);
    const who = babeAuthor(header);
    counts.set(who, (counts.get(who) || 0) + 1);
  }
  return counts;
}

const describeCounts = (counts) =>
  [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `authority ${k}: ${v}`).join(', ');

// ---------------------------------------------------------------------------------------------

describe('four-validator local network survives losing and regaining Dave', { timeout: 900_000 }, () => {
  const bin = nodeBinary();
  let dir;
  let spec;
  const nodes = {};
  const ports = {};
  const logFiles = {};
  const peerIds = {};
  let finalizedAtKill;

  function report(err) {
    for (const name of NAMES) {
      const node = nodes[name];
      if (node) console.error(`\n----- tail of ${node.logFile} -----\n${node.tail(40)}`);
    }
    throw err;
  }

  function validatorArgs(name) {
    const args = [
      '--chain', spec,
      '--base-path', join(dir, name),
      '--validator',
      `--${name}`,
      '--node-key', NODE_KEYS[name],
      '--allow-private-ip',
    ];
    if (name !== 'alice') {
      args.push('--bootnodes', `/ip4/127.0.0.1/tcp/${ports.alice.p2p}/p2p/${peerIds.alice}`);
    }
    return args;
  }

  async function start(name) {
    nodes[name] = await startNode({
      bin,
      name: `fault-${name}`,
      chainArgs: validatorArgs(name),
      ports: ports[name],
      logDir: LOG_DIR,
      logFile: logFiles[name],
      connect: false,
    });
    logFiles[name] = nodes[name].logFile;
    return nodes[name];
  }

  before(async () => {
    requireBinary(bin);
    dir = mkdtempSync(join(tmpdir(), 'fxchain-fault-'));
    // A raw `local` spec, as an operator would ship it.
    spec = join(dir, 'local-raw.json');
    const built = spawnSync(bin, ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    assert.equal(built.status, 0, `build-spec failed: ${built.stderr}`);
    const parsed = JSON.parse(built.stdout);
    assert.ok(parsed.genesis?.raw, 'build-spec --raw produced no raw genesis');
    writeFileSync(spec, built.stdout);

    for (const name of NAMES) {
      ports[name] = { rpc: await freePort(), p2p: await freePort(), prometheus: await freePort() };
      const keyFile = join(dir, `${name}.node-key`);
      writeFileSync(keyFile, NODE_KEYS[name]);
      peerIds[name] = peerIdFromSeed(NODE_KEYS[name]);
      const cli = peerIdFromCli(bin, keyFile);
      if (cli !== null) assert.equal(cli, peerIds[name], `peer id of ${name}: key inspect-node-key disagrees`);
    }
    // Alice first (the bootnode), then the others.
    for (const name of NAMES) await start(name);
  });

  after(async () => {
    await Promise.all(Object.values(nodes).map((n) => n.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('all four validators produce and finalise: finalised >= 10 and best - finalised < 5 on each', async (t) => {
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
      t.diagnostic(`finalised >= 10 on all four after ${((Date.now() - started) / 1000).toFixed(0)} s`);
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
        t.diagnostic(`${name}: best #${h.best}, finalised #${h.finalized}, peers ${health.peers}`);
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
      t.diagnostic(`authors so far: ${describeCounts(authors.counts)}`);

      // One chain: the four agree on the hash of a finalised block.
      const h = Math.min(...(await Promise.all(NAMES.map(async (n) => (await heights(nodes[n])).finalized))));
      const hashes = await Promise.all(NAMES.map((n) => blockHash(nodes[n], h)));
      assert.equal(new Set(hashes).size, 1, `validators disagree on finalised block #${h}: ${hashes}`);
    } catch (err) {
      report(err);
    }
  });

  test('with Dave killed (SIGKILL) the other three keep finalising: +3 finalised blocks', async (t) => {
    try {
      const dave = nodes.dave;
      await dave.stop({ signal: 'SIGKILL' });
      const exit = await dave.exited();
      assert.equal(exit.signal, 'SIGKILL', `Dave exited with ${JSON.stringify(exit)}`);
      await assert.rejects(rpcHttp(dave.ports.rpc, 'system_health', [], 1000), 'Dave still answers RPC');

      finalizedAtKill = (await heights(nodes.alice)).finalized;
      const started = Date.now();
      for (const name of ['alice', 'bob', 'charlie']) {
        const h = await waitUntil(
          async () => {
            const h = await heights(nodes[name]);
            return { ...h, ok: h.finalized >= finalizedAtKill + 3 };
          },
          120_000,
          `${name} finalised >= #${finalizedAtKill + 3} without Dave`,
        );
        t.diagnostic(`${name}: finalised #${h.finalized} (was #${finalizedAtKill} at the kill)`);
      }
      t.diagnostic(`finality advanced 3 blocks without Dave in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } catch (err) {
      report(err);
    }
  });

  test('Dave restarted on the same base path catches up within 60 s, on the same chain (no fork)', async (t) => {
    try {
      const started = Date.now();
      const dave = await start('dave');
      const result = await waitUntil(
        async () => {
          const [d, a] = await Promise.all([heights(dave), heights(nodes.alice)]);
          return { dave: d, alice: a, ok: d.finalized >= a.finalized - 2 && d.finalized > finalizedAtKill };
        },
        60_000,
        "Dave's finalised head within 2 blocks of Alice's",
      );
      t.diagnostic(
        `Dave caught up in ${((Date.now() - started) / 1000).toFixed(0)} s: Dave finalised #${result.dave.finalized}, Alice #${result.alice.finalized}`,
      );
      // Same blocks at finalised heights: the one Dave reached, and those finalised while he was down.
      for (const n of [result.dave.finalized, finalizedAtKill + 1, finalizedAtKill - 1]) {
        const [d, a] = await Promise.all([blockHash(dave, n), blockHash(nodes.alice, n)]);
        assert.ok(d, `Dave has no block #${n}`);
        assert.equal(d, a, `fork: Dave's #${n} is ${d}, Alice's is ${a}`);
      }
      // Dave follows the live chain, not just the backlog: his finalised head keeps moving, and
      // still matches Alice's.
      const later = await waitUntil(
        async () => {
          const d = await heights(dave);
          return { ...d, ok: d.finalized >= result.dave.finalized + 2 };
        },
        60_000,
        `Dave finalises past #${result.dave.finalized + 1}`,
      );
      const [d, a] = await Promise.all([blockHash(dave, later.finalized), blockHash(nodes.alice, later.finalized)]);
      assert.equal(d, a, `fork after catch-up: Dave's #${later.finalized} is ${d}, Alice's is ${a}`);
      t.diagnostic(`Dave then finalised #${later.finalized}, same hash as Alice's`);
    } catch (err) {
      report(err);
    }
  });

  test('at the end all four nodes agree on every block up to the lowest finalised height', async (t) => {
    try {
      const fin = Math.min(...(await Promise.all(NAMES.map(async (n) => (await heights(nodes[n])).finalized))));
      for (let n = 1; n <= fin; n++) {
        const hashes = await Promise.all(NAMES.map((name) => blockHash(nodes[name], n)));
        assert.equal(new Set(hashes).size, 1, `nodes disagree on #${n}: ${hashes.join(', ')}`);
      }
      t.diagnostic(`blocks 1..${fin} identical on all four; authors: ${describeCounts(await authorCounts(nodes.alice))}`);
    } catch (err) {
      report(err);
    }
  });
});
