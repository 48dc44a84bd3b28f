/** "Did you mean": the known name nearest to a misspelt one (job settings members, CLI flags). */

/**
 * The known name closest to a misspelt one, for a "did you mean" hint: the same name in
 * another case, else the nearest by edit distance (letters added, dropped, changed or swapped,
 * case ignored), if it is near enough to be a typo and nearer than any other.
 */
export function closest(key: string, members: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = members.find((m) => m.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const allowed = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const member of members) {
    const d = editDistance(lower, member.toLowerCase(), allowed + 1);
    if (d > allowed) continue;
    if (d < bestDistance) {
      best = member;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Optimal string alignment distance, or `cap` once it cannot be below `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1);
      }
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= cap) return cap;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, cap);
}
