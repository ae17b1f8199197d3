// zombienet `js-script`: how many blocks the node's finalised head lags behind its best block,
// read over JSON-RPC (the Prometheus check in local.zndsl reads the same from metrics).
// Zombienet calls run(nodeName, networkInfo, args) and compares the returned number.
// CommonJS on purpose: zombienet loads it with require().

async function rpc(wsUri, method, params = []) {
  const url = wsUri.replace(/^ws/, 'http');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const best = parseInt((await rpc(wsUri, 'chain_getHeader')).number, 16);
  const finalizedHash = await rpc(wsUri, 'chain_getFinalizedHead');
  const finalized = parseInt((await rpc(wsUri, 'chain_getHeader', [finalizedHash])).number, 16);
  const lag = best - finalized;
  console.log(`${nodeName}: best #${best}, finalised #${finalized}, lag ${lag}`);
  return lag;
}

module.exports = { run };
