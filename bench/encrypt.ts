/** Suite `encrypt`: encryption alone, 1 GiB, against openssl and a node:crypto loop. */
import path from 'node:path';
import { alternate, MIB, randomHex, REPO_ROOT, summarize, timed } from './lib.js';
import { GIB, RUNS, log, raw, row } from './context.js';

export async function encryptOnly(bigFile: string): Promise<void> {
  const script = path.join(REPO_ROOT, 'bench', 'encrypt-only.ts');
  const ours = async (mode: string, target: string, kind = 'ours'): Promise<number> => {
    const usage = await timed(process.execPath, ['--import', 'tsx', script, kind, mode, target]);
    const { seconds, bytes } = JSON.parse(usage.stdout) as { seconds: number; bytes: number };
    if (bytes < GIB) throw new Error(`encrypt-only produced ${bytes} bytes`);
    return GIB / MIB / seconds;
  };
  const openssl = async (cipher: string): Promise<number> => {
    const [key, iv] = [randomHex(32), randomHex(16)];
    const usage = await timed('openssl', [
      'enc',
      `-${cipher}`,
      '-K',
      key,
      '-iv',
      iv,
      '-bufsize',
      '1048576',
      '-in',
      bigFile,
      '-out',
      '/dev/null',
    ]);
    return GIB / MIB / usage.wall;
  };
  const comparisons = [
    {
      mode: 'AES_CTR',
      baselineName: 'openssl enc -aes-256-ctr',
      baseline: () => openssl('aes-256-ctr'),
    },
    {
      mode: 'AES_CBC',
      baselineName: 'openssl enc -aes-256-cbc',
      baseline: () => openssl('aes-256-cbc'),
    },
    {
      mode: 'AES_GCM',
      baselineName: 'node:crypto update() loop in memory',
      baseline: () => ours('AES_GCM', String(GIB), 'memory'),
    },
  ];
  const results: Record<string, unknown> = {};
  for (const c of comparisons) {
    log(`\n[encrypt] ${c.mode}, 1 GiB: ours vs ${c.baselineName}`);
    const r = await alternate(
      RUNS,
      { ours: () => ours(c.mode, bigFile), baseline: c.baseline },
      (side, round, v) => log(`  round ${round + 1} ${side.padEnd(8)} ${v.toFixed(0)} MiB/s`),
    );
    results[c.mode] = r;
    const ratioTarget = 0.8;
    const oursS = summarize(r.ours!);
    const baseS = summarize(r.baseline!);
    row({
      section: '1 encryption alone',
      measure: `${c.mode} 1 GiB (page cache)`,
      unit: 'MiB/s',
      ours: oursS,
      baselineName: c.baselineName,
      baseline: baseS,
      target: `>= ${ratioTarget}x`,
      met: oursS.median / baseS.median >= ratioTarget,
    });
  }
  raw.encrypt = results;
}
