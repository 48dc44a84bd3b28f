// Jest setup of the unit tier: a unit test opens no socket and starts no process. Anything
// that tries (a server, a client connecting, spawn, exec...) fails the test at that call, so
// the tier stays what its folder says. The worker process is shared with the other tiers, so
// everything is put back after the file. (Plain JavaScript: loaded before the test file.)
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
afterAll(() => {
  patched.forEach(([owner, name], i) => (owner[name] = originals[i]));
});
