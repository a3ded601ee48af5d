// End-to-end: everyday phrases whose words match only a common word in a name, or only in passing
// in a body, find nothing (exit 3 with a suggestion); the articles those words name are still found.
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture } from '../helpers.js';

const dir = fixture('search-offtopic');
const env = cleanEnv();
const run = (...args: string[]) => cli(args, env);
const T = 60_000;

describe('search: off-topic phrases', () => {
  it('finds nothing for a phrase whose telling words match nothing, and says what to try (exit 3)', () => {
    for (const q of ['plan for sommerhuset', 'blomster i haven', 'opskrift med tulipaner og blomster']) {
      const r = run('--content', dir, 'search', q);
      expect(r.code, q).toBe(3);
      expect(r.stdout, q).toBe('');
      expect(r.stderr, q).toMatch(/nothing matches .*try fewer or other words/);
      const json = run('--content', dir, 'search', '--json', q);
      expect(json.code, q).toBe(3);
      expect(json.stdout, q).toBe('[]\n');
    }
  }, T);

  it('still finds the articles the words name or the body has', () => {
    const r = run('--content', dir, 'search', '--json', 'blomster');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ id: string }>)[0]?.id).toBe('boble');
    const plan = run('--content', dir, 'search', '--json', 'forretningsplan for virksomheden');
    expect((JSON.parse(plan.stdout) as Array<{ id: string }>)[0]?.id).toBe('forretningsplan');
  }, T);

  it('takes a Danish inflection of an English alias word for another word (bundled: Anlægsaktiver has "property, plant and equipment")', () => {
    for (const q of ['planter', 'hvordan planter man tulipaner']) {
      const r = run('search', q);
      expect(r.code, q).toBe(3);
      expect(r.stdout, q).toBe('');
    }
    // The English word itself, and its English plural, still name it.
    for (const q of ['plant', 'plants', 'property plant and equipment']) {
      const r = run('search', '--json', q);
      expect(r.code, q).toBe(0);
      expect((JSON.parse(r.stdout) as Array<{ id: string }>)[0]?.id, q).toBe('fixedassets');
    }
    // An English alias's plural still names it from the singular (`expense`, "fixed expenses").
    expect(run('search', '--explain', 'expense').stdout).toMatch(/"expense" ~ alias word "expenses" \(same word\)/);
    // A word Danish has too keeps its Danish forms: `banken` ~ "bank overdraft" (Kassekredit).
    expect(run('search', '--explain', 'banken').stdout).toMatch(/^kassekredit [\s\S]*?"banken" ~ alias word "bank" \(same word\)/);
  }, T);
});
