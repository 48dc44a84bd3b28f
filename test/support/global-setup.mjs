// Jest global setup of the tiers that run dist/: a bundle older than src/ is rebuilt first,
// so `npm test` never tests stale code; and the run's shared media cache is made
// (media-cache-setup.mjs). (Plain JavaScript: jest loads it untransformed.)
import { execFileSync } from 'node:child_process';
import { staleDist } from '../../scripts/sources.mjs';
import { shareMediaCache } from './media-cache-setup.mjs';

export default function globalSetup() {
  shareMediaCache();
  const stale = staleDist();
  if (!stale) return;
  console.log(`\n${stale}: rebuilding it with npm run bundle`);
  execFileSync('npm', ['run', 'bundle', '--silent'], { stdio: 'inherit' });
  const still = staleDist();
  if (still) throw new Error(`${still} even after npm run bundle`);
}
