// docs/rpc.md and the node agree on fxchain's own RPC methods, in both directions.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO_ROOT, startNode, withNodeLog } from '../lib/node.mjs';

const DOC = join(REPO_ROOT, 'docs', 'rpc.md');

/** `fxchain_*` names written in backticks on a heading line or a table row of the doc. */
export function documentedMethods(markdown) {
  const names = new Set();
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (!/^\s{0,3}#{1,6}\s/.test(line) && !/^\s*\|/.test(line)) continue;
    for (const m of line.matchAll(/`(fxchain_[A-Za-z0-9_]+)`/g)) names.add(m[1]);
  }
  return [...names].sort();
}

describe('fxchain RPC methods against docs/rpc.md', () => {
  let node;
  before(async () => {
    node = await startNode({ name: 'rpc-doc' });
  });
  after(async () => {
    await node?.stop();
  });

  test(
    'every fxchain_* method in docs/rpc.md is served by the node, and every one the node serves is documented',
    withNodeLog(() => node, async (t) => {
      assert.ok(existsSync(DOC), `${DOC} is missing`);
      const documented = documentedMethods(readFileSync(DOC, 'utf8'));
      const { methods } = await node.api.rpc.rpc.methods();
      const all = methods.map(String);
      const served = all.filter((m) => m.startsWith('fxchain_')).sort();
      t.diagnostic(`documented: [${documented.join(', ')}]; served: [${served.join(', ')}] (of ${all.length} methods)`);
      assert.ok(all.includes('system_health'), 'rpc_methods looks wrong: no system_health');

      const undocumented = served.filter((m) => !documented.includes(m));
      const missing = documented.filter((m) => !served.includes(m));
      assert.deepEqual(missing, [], `documented in docs/rpc.md but not served by the node: ${missing.join(', ')}`);
      assert.deepEqual(undocumented, [], `served by the node but not documented in docs/rpc.md: ${undocumented.join(', ')}`);
    }),
  );
});

test('the doc parser takes names from headings and table rows only', () => {
  const md = [
    '# RPC',
    '## `fxchain_one`',
    '| `fxchain_two` | does things |',
    'Prose mentioning `fxchain_notAMethod` is ignored.',
    '```',
    '| `fxchain_inFence` |',
    '```',
  ].join('\n');
  assert.deepEqual(documentedMethods(md), ['fxchain_one', 'fxchain_two']);
});
