/**
 * `npm run local-aws -- --info-file PATH [--region us-east-1] [--s3-dir DIR]`
 * Starts the local AWS stack, writes the info file, prints the environment to use it, and
 * runs until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startStack, writeInfoFile } from './stack.js';

const { values } = parseArgs({
  options: {
    'info-file': { type: 'string' },
    region: { type: 'string', default: 'us-east-1' },
    's3-dir': { type: 'string' },
  },
});

const stack = await startStack({
  region: values.region,
  ...(values['s3-dir'] ? { s3Directory: values['s3-dir'] } : {}),
});
if (values['info-file']) await writeInfoFile(values['info-file'], stack.info);

console.log('Local AWS stack is up:');
console.log(JSON.stringify(stack.info, null, 2));
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
