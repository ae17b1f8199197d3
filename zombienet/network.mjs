// A four-validator `local` network on loopback, started by us rather than zombienet (whose native
// provider cannot kill, restart or upgrade under a test's control): the fault and upgrade tests.
//
// Four validators (Alice, Bob, Charlie, Dave) from a raw `local` spec, as an operator ships it,
// each with its own base path, a fixed node key (Alice is the bootnode of the others) and its own
// RPC/p2p/Prometheus ports, all on 127.0.0.1.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, nodeBinary, requireBinary, rpcHttp, sleep, startNode } from '../e2e/lib/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const LOG_DIR = join(here, 'logs');
export const NAMES = ['alice', 'bob', 'charlie', 'dave'];
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

export async function heights(node) {
  const best = parseInt((await rpcHttp(node.ports.rpc, 'chain_getHeader')).number, 16);
  const fin = await rpcHttp(node.ports.rpc, 'chain_getFinalizedHead');
  const finalized = parseInt((await rpcHttp(node.ports.rpc, 'chain_getHeader', [fin])).number, 16);
  return { best, finalized };
}

export const blockHash = (node, n) => rpcHttp(node.ports.rpc, 'chain_getBlockHash', [n]);

/** Poll `check` each second until it returns a value that is truthy and not `{ok: false}`. */
export async function waitUntil(check, timeoutMs, label) {
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
export function babeAuthor(header) {
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
export async function authorCounts(node) {
  const { best } = await heights(node);
  const counts = new Map();
  for (let n = 1; n <= best; n++) {
    const header = await rpcHttp(node.ports.rpc, 'chain_getHeader', [await blockHash(node, n)]);
    const who = babeAuthor(header);
    counts.set(who, (counts.get(who) || 0) + 1);
  }
  return counts;
}

export const describeCounts = (counts) =>
  [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `authority ${k}: ${v}`).join(', ');

/** The finalised head of `node`: { hash, number }. */
export async function finalizedHead(node) {
  const hash = await rpcHttp(node.ports.rpc, 'chain_getFinalizedHead');
  return { hash, number: parseInt((await rpcHttp(node.ports.rpc, 'chain_getHeader', [hash])).number, 16) };
}

/** The lowest finalised height of `names`. */
export async function lowestFinalized(nodes, names) {
  return Math.min(...(await Promise.all(names.map(async (n) => (await heights(nodes[n])).finalized))));
}

/** Assert that `names` hold the same hash at every height in [from, to]. */
export async function assertSameBlocks(nodes, names, from, to) {
  for (let n = from; n <= to; n++) {
    const hashes = await Promise.all(names.map((name) => blockHash(nodes[name], n)));
    assert.ok(hashes.every(Boolean), `a node has no block #${n}: ${names.map((m, i) => `${m} ${hashes[i]}`).join(', ')}`);
    assert.equal(new Set(hashes).size, 1, `fork at #${n}: ${names.map((m, i) => `${m} ${hashes[i]}`).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Start the four validators (Alice first, the bootnode) on a fresh raw `local` spec. `prefix`
 * names their logs; `connect` lists the nodes to open an @polkadot/api connection to (all by
 * default). Returns `{ nodes, start(name, {isolated}), kill9(name), stop(), report(err) }`:
 * `start` (re)starts a node on its base path, ports and log; `report` prints every node's log
 * tail and rethrows.
 */
export async function startNetwork({ prefix, connect = NAMES }) {
  const bin = requireBinary(nodeBinary());
  const dir = mkdtempSync(join(tmpdir(), `fxchain-${prefix}-`));
  // A raw `local` spec, as an operator would ship it.
  const spec = join(dir, 'local-raw.json');
  const built = spawnSync(bin, ['build-spec', '--chain', 'local', '--raw', '--disable-default-bootnode'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  assert.equal(built.status, 0, `build-spec failed: ${built.stderr}`);
  assert.ok(JSON.parse(built.stdout).genesis?.raw, 'build-spec --raw produced no raw genesis');
  writeFileSync(spec, built.stdout);

  const nodes = {};
  const ports = {};
  const logFiles = {};
  const peerIds = {};
  for (const name of NAMES) {
    ports[name] = { rpc: await freePort(), p2p: await freePort(), prometheus: await freePort() };
    const keyFile = join(dir, `${name}.node-key`);
    writeFileSync(keyFile, NODE_KEYS[name]);
    peerIds[name] = peerIdFromSeed(NODE_KEYS[name]);
    const cli = peerIdFromCli(bin, keyFile);
    if (cli !== null) assert.equal(cli, peerIds[name], `peer id of ${name}: key inspect-node-key disagrees`);
  }

  /**
   * The validator's flags. `isolated`: no bootnode and `--reserved-only` with no reserved peer,
   * so the node talks to no one and shows only what is on its disk (with no peer BABE does not
   * author either: it waits for the network).
   */
  function args(name, { isolated = false } = {}) {
    const list = ['--chain', spec, '--base-path', join(dir, name), '--validator', `--${name}`];
    list.push('--node-key', NODE_KEYS[name], '--allow-private-ip');
    if (isolated) {
      list.push('--reserved-only');
    } else if (name !== 'alice') {
      list.push('--bootnodes', `/ip4/127.0.0.1/tcp/${ports.alice.p2p}/p2p/${peerIds.alice}`);
    }
    return list;
  }

  async function start(name, options) {
    nodes[name] = await startNode({
      bin,
      name: `${prefix}-${name}`,
      chainArgs: args(name, options),
      ports: ports[name],
      logDir: LOG_DIR,
      logFile: logFiles[name],
      startTimeoutMs: 120_000,
      connect: connect.includes(name),
    });
    logFiles[name] = nodes[name].logFile;
    return nodes[name];
  }

  /** SIGKILL validator `name` at once (no RPC call in between), then wait for the process to go. */
  async function kill9(name) {
    const node = nodes[name];
    node.process.kill('SIGKILL');
    const exit = await node.exited();
    await node.stop(); // the process is gone: this closes its API client and log
    assert.equal(exit.signal, 'SIGKILL', `${name} exited with ${JSON.stringify(exit)}`);
    await assert.rejects(rpcHttp(node.ports.rpc, 'system_health', [], 1000), `${name} still answers RPC`);
  }

  for (const name of NAMES) await start(name);

  return {
    nodes,
    start,
    kill9,
    async stop() {
      await Promise.all(Object.values(nodes).map((n) => n.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
    report(err) {
      for (const name of NAMES) {
        const node = nodes[name];
        if (node) console.error(`\n----- tail of ${node.logFile} -----\n${node.tail(40)}`);
      }
      throw err;
    },
  };
}
