// End-to-end: `glossary scan` does not take a verb for a form of a noun term. The verb gælde
// (to apply: gælder, gælde, gældende) stems like the noun gæld (debt), and gælder is gæld plus a
// plural ending; the noun's own forms and compounds are still found.
import { describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture } from '../helpers.js';

interface Hit {
  id: string;
  text: string;
}
const scan = (text: string, args: string[] = []) => {
  const r = cli(['scan', '--json', ...args], cleanEnv(), text);
  return { ...r, hits: r.code === 0 ? (JSON.parse(r.stdout) as Hit[]).map((h) => [h.id, h.text]) : [] };
};

describe('scan: verb forms are not a noun term', () => {
  it('finds no term in a sentence whose only candidate is the verb gælder', () => {
    const r = scan('Reglen gælder for alle.\n');
    expect(r.stderr).toBe('glossary: no terms of the glossary in the text\n');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('[]\n');
  });

  it('leaves gælde and gældende out, and still finds gælden, gældens, gælds-, statsgæld and gældsbyrden', () => {
    const r = scan('De gældende regler skal gælde. Gælden og gældens størrelse, gældsforpligtelser, statsgæld og gældsbyrden.\n');
    expect(r.code).toBe(0);
    expect(r.hits).toEqual([
      ['debt', 'Gælden'],
      ['debt', 'gældens'],
      ['debt', 'gældsforpligtelser'],
      ['publicdebt', 'statsgæld'],
      ['debt', 'gældsbyrden'],
    ]);
  });

  it('does the same for låne and fradrage: lånet and fradraget are the nouns, låner and fradrages the verbs', () => {
    const r = scan('Banken låner penge ud, og beløbet fradrages i skatten. Lånet, lånene og fradraget.\n');
    expect(r.code).toBe(0);
    expect(r.hits).toEqual([
      ['loan', 'Lånet'],
      ['loan', 'lånene'],
      ['taxdeduction', 'fradraget'],
    ]);
  });

  it('finds gældsætning as a compound of gæld when the corpus knows the word sætning, and gælder still not', () => {
    const r = scan('Gældsætningen stiger, selv om reglen gælder alle.\n', ['--content', fixture('scan-verbs')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.hits).toEqual([['debt', 'Gældsætningen']]);
  });
});
