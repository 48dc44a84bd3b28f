/** The `mediaconvert-encrypt` command (dist/cli.js). */
import { EXIT, main } from './cli.js';
import { exitWhenFlushed } from './host/signals.js';

process.exitCode = await main(process.argv.slice(2));
// Once canceled, a timer or idle connection must not hold the process.
if (process.exitCode === EXIT.interrupted) exitWhenFlushed();
