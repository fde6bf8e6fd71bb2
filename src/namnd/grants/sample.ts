// The sample of applications drawn for internkontroll: reproducible from its seed, so the controller can
// show how it was drawn. Pure.
import { createHash } from "node:crypto";

/** A generator of numbers in [0, 1) from the seed's sha256 (sfc32: small, fast, well distributed). */
function random(seed: string): () => number {
  const digest = createHash("sha256").update(seed, "utf8").digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * `size` members of the population (at most all of it), drawn without replacement by a partial Fisher–Yates
 * shuffle from the seed. The same population in the same order and the same seed give the same sample.
 */
export function drawSample<T>(population: readonly T[], size: number, seed: string): T[] {
  const next = random(seed);
  const pool = [...population];
  const count = Math.min(size, pool.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}
