/**
 * `--shard i/n`: the i-th of n deterministic slices of the sorted input list, dealt round-robin
 * (file k goes to shard k mod n + 1), so n CI jobs cover every file exactly once and get
 * similar mixes of small and large folders.
 */

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export function selectShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}
