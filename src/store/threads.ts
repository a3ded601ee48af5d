// What the two worker pools (parse-pool.ts, language-job.ts) share: where a worker's script is,
// and the test-only switches that make them run on a few files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A worker's script beside the bundle (`dist/NAME.js`); undefined when running from the TypeScript sources. */
export function bundledWorker(name: string): string | undefined {
  const file = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * A test-only switch from the environment, `NAME=MIN[,key=number...][,flag...]`: the threshold
 * a test lowers, numbers by key, and flags. Undefined when the variable is not set.
 */
export function testSwitch(name: string): { min: number; value: (key: string) => number | undefined; flag: (flag: string) => boolean } | undefined {
  const given = process.env[name];
  if (!given) return undefined;
  const [min, ...rest] = given.split(',');
  const value = (key: string) => {
    const found = rest.find((r) => r.startsWith(`${key}=`));
    return found === undefined ? undefined : Number(found.slice(key.length + 1));
  };
  return { min: Number(min), value, flag: (flag) => rest.includes(flag) };
}
