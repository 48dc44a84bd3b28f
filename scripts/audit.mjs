// `npm audit`, failing on any high or critical finding in what the action ships. dist/ is a
// bundle, so the package has no runtime dependencies: what ships is the set of packages ncc
// bundled, read from the license notices the bundle step writes (dist/licenses*.txt).
// When the registry's audit endpoint cannot be reached (as on an offline CI), says so loudly
// and does not pretend the check passed or failed.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const bundled = new Set();
for (const file of readdirSync('dist').filter((f) => /^licenses.*\.txt$/.test(f))) {
  const lines = readFileSync(`dist/${file}`, 'utf8').split('\n');
  lines.forEach((line, i) => {
    // Each notice starts with `name version`, after a blank line (or at the top).
    const match = /^(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?) \d+\.\d+\.\d+\S*$/i.exec(line);
    if (match && (i === 0 || lines[i - 1] === '')) bundled.add(match[1]);
  });
}

const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report?.metadata?.vulnerabilities) {
  const reason = report?.error?.summary || run.stderr.trim().split('\n')[0] || 'no answer';
  console.log(`npm audit: NOT CHECKED, the audit endpoint is unreachable (${reason})`);
  process.exit(0);
}
const shipped = Object.entries(report.vulnerabilities ?? {}).filter(([name]) => bundled.has(name));
const serious = shipped.filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
console.log(
  `npm audit, ${bundled.size} bundled packages: ${shipped.length} with findings, ${serious.length} high or critical`,
);
for (const [name, v] of shipped) console.log(`  ${name}: ${v.severity}`);
if (serious.length > 0) process.exit(1);
