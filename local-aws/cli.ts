/**
 * `npm run local-aws -- --info-file PATH [--dotenv PATH] [--region us-east-1] [--s3-dir DIR]
 *  [--tls]`
 * Starts the local AWS stack, writes the info file (and the environment as a dotenv file),
 * prints the environment to use it, and runs until SIGINT or SIGTERM. With --tls every
 * service is served over https as well, with a CA made at start (its path is printed).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startStack, writeInfoFile } from './stack.js';
import { quietNodeVersionWarning } from '../src/aws/node-version-warning.js';

const { values } = parseArgs({
  options: {
    'info-file': { type: 'string' },
    dotenv: { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    's3-dir': { type: 'string' },
    tls: { type: 'boolean', default: false },
  },
});

quietNodeVersionWarning();
const stack = await startStack({
  region: values.region,
  tls: values.tls,
  ...(values['s3-dir'] ? { s3Directory: values['s3-dir'] } : {}),
});
if (values['info-file']) await writeInfoFile(values['info-file'], stack.info);
if (values['dotenv']) {
  // dotenv lines, e.g. for `npx @github/local-action run . src/main.ts .env`.
  const lines = Object.entries(stack.env()).map(([name, value]) => `${name}=${value}`);
  await writeFile(values['dotenv'], `${lines.join('\n')}\n`);
}

console.log('Local AWS stack is up:');
console.log(JSON.stringify(stack.info, null, 2));
if (stack.info.caBundle) {
  console.log(`\nhttps with the CA certificate ${stack.info.caBundle}`);
  console.log('(AWS CLI: --ca-bundle or AWS_CA_BUNDLE; Node and the action: NODE_EXTRA_CA_CERTS)');
}
console.log('\nUse it from a shell with:');
for (const [name, value] of Object.entries(stack.env())) console.log(`export ${name}='${value}'`);
console.log('\nStop with Ctrl-C.');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the local AWS stack`);
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
