// Start and stop fxchain-node for the end-to-end tests; connect @polkadot/api to it.
//
// Every socket is on 127.0.0.1: RPC and Prometheus bind to loopback by default (we never pass
// `--rpc-external`/`--prometheus-external`), and p2p listens only on `--listen-addr
// /ip4/127.0.0.1/tcp/<port>`. The node's output goes to e2e/logs/<name>-<time>.log; `tail()` reads
// the end of it for a failing test's report.

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (e2e/lib/../..). */
export const REPO_ROOT = resolve(here, '..', '..');
/** Where node logs go (gitignored). */
export const LOG_DIR = process.env.FXCHAIN_E2E_LOGS || join(REPO_ROOT, 'e2e', 'logs');

/** The node binary: $FXCHAIN_NODE, else the release build in $CARGO_TARGET_DIR (default ~/.cache/fxchain/target). */
export function nodeBinary() {
  if (process.env.FXCHAIN_NODE) return resolve(process.env.FXCHAIN_NODE);
  const target = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache', 'fxchain', 'target');
  return join(target, 'release', 'fxchain-node');
}

/** Fail early, and clearly, when the binary has not been built. */
export function requireBinary(bin = nodeBinary()) {
  if (!existsSync(bin)) {
    throw new Error(
      `fxchain-node not found at ${bin}: build it (cargo build --release -p fxchain-node) or set FXCHAIN_NODE`,
    );
  }
  return bin;
}

const handedOut = new Set();

/** A TCP port free on 127.0.0.1 now, never handed out before by this process. */
export async function freePort() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise((res, rej) => {
      const srv = createServer();
      srv.unref();
      srv.on('error', rej);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => res(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free loopback port found');
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The last `lines` lines of a log file ('' if it does not exist). */
export function tailFile(file, lines = 60) {
  if (!file || !existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  return text.split('\n').slice(-lines - 1).join('\n');
}

/** One JSON-RPC call over HTTP (the node serves HTTP and WebSocket on the RPC port). */
export async function rpcHttp(port, method, params = [], timeoutMs = 5000) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json();
  if (body.error) {
    const { code, message, data } = body.error;
    const err = new Error(`${method}: ${code} ${message}${data === undefined ? '' : `: ${typeof data === 'string' ? data : JSON.stringify(data)}`}`);
    err.rpcError = body.error;
    throw err;
  }
  return body.result;
}

/**
 * Spawn fxchain-node and wait until its RPC answers.
 *
 * opts.name      label for the log file (default 'dev')
 * opts.chainArgs the chain selection, default ['--dev', '--tmp']
 * opts.extraArgs more flags (e.g. --validator, --alice, --bootnodes …)
 * opts.ports     { rpc, p2p, prometheus } to reuse (a restart on the same ports); fresh ones otherwise
 * opts.logFile   append to this file instead of a new one (a restart keeps one log)
 * opts.logDir    directory for a new log file (default e2e/logs)
 * opts.connect   false to skip creating an ApiPromise
 * opts.startTimeoutMs how long RPC may take to answer (default 60 s)
 */
export async function startNode(opts = {}) {
  const bin = requireBinary(opts.bin);
  const name = opts.name || 'dev';
  const ports = opts.ports || {
    rpc: await freePort(),
    p2p: await freePort(),
    prometheus: await freePort(),
  };
  const logDir = opts.logDir || LOG_DIR;
  mkdirSync(logDir, { recursive: true });
  const logFile =
    opts.logFile || join(logDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const args = [
    ...(opts.chainArgs || ['--dev', '--tmp']),
    '--rpc-port', String(ports.rpc),
    // `--listen-addr` rather than `--port` (the two exclude each other): p2p on loopback only.
    '--listen-addr', `/ip4/127.0.0.1/tcp/${ports.p2p}`,
    '--prometheus-port', String(ports.prometheus),
    '--no-telemetry',
    '--no-mdns',
    '--name', name,
    ...(opts.extraArgs || []),
  ];
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n===== ${new Date().toISOString()} ${bin} ${args.join(' ')}\n`);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  const exitPromise = new Promise((res) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      res(exited);
    });
  });

  const tail = (lines = 60) => tailFile(logFile, lines);

  // Wait for the RPC server.
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await sleep(200);
      throw new Error(
        `fxchain-node (${name}) exited during start-up (code ${exited.code}, signal ${exited.signal}); log ${logFile}:\n${tail()}`,
      );
    }
    try {
      await rpcHttp(ports.rpc, 'system_health', [], 2000);
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`fxchain-node (${name}) RPC did not answer on port ${ports.rpc}; log ${logFile}:\n${tail()}`);
      }
      await sleep(250);
    }
  }

  let api = null;
  if (opts.connect !== false) {
    // Imported here so that callers that only need the process (`connect: false`) do not need
    // e2e's node_modules.
    const { ApiPromise, WsProvider } = await import('@polkadot/api');
    const provider = new WsProvider(`ws://127.0.0.1:${ports.rpc}`, false);
    await provider.connect();
    api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  }

  let stopping = null;
  /** Disconnect, then SIGTERM (SIGKILL after 20 s) and wait for the exit. */
  async function stop({ signal = 'SIGTERM' } = {}) {
    if (stopping) return stopping;
    stopping = (async () => {
      if (api) {
        try {
          await api.disconnect();
        } catch {
          /* already gone */
        }
      }
      if (!exited) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exitPromise;
        clearTimeout(timer);
      }
      await new Promise((r) => log.end(r));
      return exited;
    })();
    return stopping;
  }

  return {
    api,
    name,
    bin,
    ports,
    logFile,
    process: child,
    args,
    tail,
    stop,
    /** Resolves when the process exits (with {code, signal}). */
    exited: () => exitPromise,
    isRunning: () => exited === null,
  };
}

/**
 * Wrap a test body so that a failure prints the tail of the node's log first.
 * Usage: test('…', withNodeLog(() => node, async (t) => { … }))
 */
export function withNodeLog(getNode, fn) {
  return async (t) => {
    try {
      await fn(t);
    } catch (err) {
      const node = getNode();
      if (node) {
        const text = node.tail(80);
        console.error(`\n----- tail of ${node.logFile} -----\n${text}\n----- end of log -----`);
      }
      throw err;
    }
  };
}
