#!/usr/bin/env node
// Shows what changed in a diagram apart from its layout: everything outside <bpmndi:BPMNDiagram>, compared
// byte for byte with the committed version (or another revision). Prints nothing and exits 0 when a change
// touched the layout only.
//
//   node process-diff.mjs [--against <git revision>] ../../bpmn/borrowing.bpmn [more.bpmn ...]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withoutDi } from './layout.mjs';

const args = process.argv.slice(2);
let revision = 'HEAD';
if (args[0] === '--against') {
  revision = args[1];
  args.splice(0, 2);
}
if (!args.length) {
  console.error('usage: node process-diff.mjs [--against <git revision>] <file.bpmn> ...');
  process.exit(2);
}

let changed = false;
for (const file of args) {
  const absolute = path.resolve(file);
  const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: path.dirname(absolute), encoding: 'utf8' }).trim();
  const relative = path.relative(root, absolute);
  const before = execFileSync('git', ['show', `${revision}:${relative}`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const after = fs.readFileSync(absolute, 'utf8');
  if (withoutDi(before) === withoutDi(after)) continue;
  changed = true;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'process-diff-'));
  fs.writeFileSync(path.join(dir, 'before'), withoutDi(before));
  fs.writeFileSync(path.join(dir, 'after'), withoutDi(after));
  try {
    execFileSync('diff', ['-u', '--label', `${relative} (${revision}, without layout)`, '--label', `${relative} (without layout)`,
      path.join(dir, 'before'), path.join(dir, 'after')], { stdio: 'inherit' });
  } catch {
    // diff exits 1 when the files differ
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
}
process.exit(changed ? 1 : 0);
