// "Did you mean ...?" for names users mistype: the known name nearest in edit distance (optimal
// string alignment: insertions, deletions, substitutions and swaps of neighbours each cost 1), when
// it is near enough to be a slip rather than a different name. Used for unknown fields and for
// dependencies on SLAs that do not exist.

/** Edit distance between two strings, counting a swap of two neighbouring characters as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Three rows suffice: the swap looks two characters back.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The default tolerance: a third of the word's length, at least one edit. */
export const defaultMaxDistance = (word: string): number => Math.max(1, Math.floor(word.length / 3));

/**
 * The candidate nearest to `word`, or undefined when none is within `maxDistance` edits (default: a
 * third of the word's length). Case differences count as edits. Ties go to the alphabetically
 * first candidate, so the suggestion does not depend on the order candidates come in.
 */
export function closestName(word: string, candidates: Iterable<string>, maxDistance = defaultMaxDistance(word)): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    // The length difference alone is a lower bound of the distance.
    if (Math.abs(candidate.length - word.length) > maxDistance) continue;
    const distance = editDistance(word, candidate);
    if (distance > maxDistance) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
