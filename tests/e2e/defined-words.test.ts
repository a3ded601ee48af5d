// End-to-end: what an article says it defines is a name of it (issue 20), but one word of a longer
// defined phrase is not (found by an independent review over the bundled articles with their
// aliases taken out): `asset` opened CAPM ("capital asset pricing model"), `equity` Kapitalfond
// ("private equity-fond"). Lookup offers such an article; the whole phrase, more of its words, or a
// one-word defined name in another form still open it.
import { describe, expect, it } from 'vitest';
import { cleanEnv, fixture, runOn } from '../helpers.js';

const da = fixture('defined-words');
const env = cleanEnv();
const run = runOn(da, env);
const T = 60_000;

describe('lookup by what an article defines', () => {
  it('does not open an article by one word of a longer phrase it defines, and offers it', () => {
    for (const [q, offered] of [['asset', 'capm'], ['equity', 'kapitalfond']] as const) {
      const r = run('lookup', q);
      expect(r.code, `${q}: ${r.stderr}`).not.toBe(0);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toContain(offered);
    }
    // Search still lists it.
    expect(run('search', 'asset').stdout).toMatch(/^capm /);
    // Nor by a less usual sense of the word's Danish renderings: equity is egenkapital first, aktie second.
    expect(run('lookup', 'equity').stderr).not.toMatch(/showing aktie/);
  }, T);

  it('opens it by the whole phrase, by two of its words, or by a one-word defined name in another form', () => {
    const whole = run('lookup', 'capital asset pricing model');
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/^CAPM\n/);
    const two = run('lookup', 'private equity');
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toMatch(/^Kapitalfond\n/);
    const inflected = run('lookup', 'bundlinje');
    expect(inflected.code, inflected.stderr).toBe(0);
    expect(inflected.stdout).toMatch(/^Bundlinie\n/);
  }, T);
});
