// What an article says it defines (src/corpus/defines.ts).
import { describe, expect, it } from 'vitest';
import { definedNames } from '../../src/corpus/defines.js';

describe('definedNames', () => {
  it('reads a leading "Hvad er X?" heading, without its article', () => {
    expect(definedNames('bundlinie', [], '', '# bundlinie\n## Hvad er bundlinjen?\n\nTekst.')).toEqual(['bundlinjen']);
    expect(definedNames('Aktiv', [], '', '# Aktiv\n## Hvad er en kassekredit?\n')).toEqual(['kassekredit']);
  });

  it('reads "X er ..." in the description and first paragraph, "X (forkortet Y)" and "X, på engelsk Y,"', () => {
    expect(definedNames('Nutidsværdi', [], 'Nutidsværdien er værdien i dag af fremtidige betalinger.', '')).toEqual(['Nutidsværdien']);
    expect(definedNames('Model', [], '', 'Prisfastsættelse af kapitalaktiver (forkortet CAPM) er en model.')).toEqual(['Prisfastsættelse af kapitalaktiver', 'CAPM']);
    expect(definedNames('Fond', [], 'Kapitalfonden, på engelsk private equity, er en fond, der køber selskaber.', '')).toEqual(['Kapitalfonden', 'private equity']);
  });

  it('leaves out the title and aliases, pronouns, question tails and sentences that are not definitions', () => {
    expect(definedNames('Aktiver', ['aktiverne'], 'Aktiverne er det, en virksomhed ejer.', '## Hvad er aktiver?')).toEqual([]);
    expect(definedNames('X', [], 'Det er vigtigt at vide, at renten stiger.', '## Hvad er udbytte, og hvordan fungerer det?')).toEqual(['udbytte']);
    expect(definedNames('X', [], 'Når man låner, er renten prisen.', '')).toEqual([]);
    expect(definedNames('X', [], '', '## Hvad er en obligation i enkle vendinger?\n\nUdtrykket "effektivitet" er et mål.')).toEqual(['obligation', 'effektivitet']);
  });

  it('ignores headings far down the article and code', () => {
    expect(definedNames('X', [], '', '# X\n## Formel\n## Eksempel\n## Hvad er en option?\n')).toEqual([]);
    expect(definedNames('X', [], '', '```\nFoo er bar\n```\n')).toEqual([]);
  });
});
