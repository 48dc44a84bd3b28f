// Jest setup of the unit tier: a unit test opens no socket and starts no process. Anything
// that tries (a server, a client connecting, spawn, exec...) fails the test at that call, so
// the tier stays what its folder says. Nor does it print `::debug::` lines (below). The worker
// process is shared with the other tiers, so everything is put back after the file. (Plain
// JavaScript: loaded before the test file.)
import { afterAll } from '@jest/globals';
import { createRequire } from 'node:module';

// Through require: an import here would fix the module's named exports before they are
// patched, and the test file would import the originals.
const require = createRequire(import.meta.url);
const childProcess = require('node:child_process');
const net = require('node:net');

const patched = [
  [net.Server.prototype, 'listen', 'a server listening'],
  [net.Socket.prototype, 'connect', 'a socket connecting'],
  [childProcess.ChildProcess.prototype, 'spawn', 'a child process'],
  [childProcess, 'spawnSync', 'child_process.spawnSync'],
  [childProcess, 'execSync', 'child_process.execSync'],
  [childProcess, 'execFileSync', 'child_process.execFileSync'],
];
const originals = patched.map(([owner, name]) => owner[name]);
for (const [owner, name, what] of patched) {
  owner[name] = () => {
    throw new Error(
      `${what} in a unit test: such a test belongs in test/local-aws or test/integration`,
    );
  };
}

// @actions/glob logs through @actions/core, which writes `::debug::` workflow commands to
// stdout (about 600 lines a unit run); the runner hides them unless step debugging is on, and
// so does this: they show only with RUNNER_DEBUG=1.
const write = process.stdout.write;
process.stdout.write = function (chunk, ...rest) {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
  if (text.startsWith('::debug::') && process.env.RUNNER_DEBUG !== '1') {
    const callback = rest.find((arg) => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  }
  return write.call(this, chunk, ...rest);
};

afterAll(() => {
  patched.forEach(([owner, name], i) => (owner[name] = originals[i]));
  process.stdout.write = write;
});
