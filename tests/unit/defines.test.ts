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
    // The paragraph after the code is the first one.
    expect(definedNames('X', [], '', '```\nFoo er bar\n```\n\nAktie er en andel.')).toEqual(['Aktie']);
  });
  it('takes no qualifier, enumeration, lead-in or count for a name', () => {
    // A bracket the title has too qualifies the name (the name without it is one); an abbreviation or a short form in it is a name.
    expect(definedNames('Opsparingskonto (Norge)', [], '', '## Hvad er en opsparingskonto (Norge)?')).toEqual(['opsparingskonto']);
    expect(definedNames('Årlig vækstrate (ÅVR)', [], '', '## Hvad er en årlig vækstrate (ÅVR)?')).toEqual(['årlig vækstrate', 'ÅVR']);
    expect(definedNames('Elektronisk faktura (e-faktura)', [], '', '## Hvad er elektronisk faktura (e-faktura)?')).toEqual(['elektronisk faktura', 'e-faktura']);
    // A short form: every word of it begins a word of the name, not one.
    expect(definedNames('Elektronisk handel (dansk handel)', [], '', '## Hvad er elektronisk handel (dansk handel)?')).toEqual(['elektronisk handel']);
    // A bracket of three parts or more spells the name out.
    expect(definedNames('PEST', [], 'PEST-analyse (politik, økonomi, samfund og teknologi) er en metode.', '')).toEqual(['PEST-analyse']);
    expect(definedNames('X', [], 'Nøgletal (NT eller KPI) er tal.', '')).toEqual(['Nøgletal', 'NT', 'KPI']);
    // After a colon, the name: not the lead-in.
    expect(definedNames('X', [], '', 'Ordet siger det meste: Likviditet er evnen til at betale.')).toEqual(['Likviditet']);
    // Only the first sentence defines.
    expect(definedNames('X', [], 'Risikoen har to sider. Den ene er, at pengene slipper op.', '')).toEqual([]);
    expect(definedNames('X', [], 'Ledighed måles i procent af arbejdsstyrken. Arbejdsstyrken er alle, der kan arbejde.', '')).toEqual([]);
    expect(definedNames('X', [], 'Indtjening pr. aktie er overskuddet delt med antallet af aktier.', '')).toEqual(['Indtjening pr. aktie']);
    // A count is no name's beginning.
    expect(definedNames('Skat', [], '', '## Hvad er de 4 typer skat?\n## Hvad er de fire typer moms?')).toEqual([]);
  });

  it('takes no first part of the title\'s compound from a sentence, unless a heading asks for it', () => {
    expect(definedNames('Lageromkostninger', [], 'Lager er omkostninger ved at opbevare varer.', '')).toEqual([]);
    expect(definedNames('Renteberegning', [], 'Rente er prisen for at låne.', '## Hvad er rente?')).toEqual(['rente']);
    // An inflection of the title's word is a name.
    expect(definedNames('Afskrivninger', [], 'Afskrivning er et fald i værdi.', '')).toEqual(['Afskrivning']);
  });
  it('keeps what the review found lost, and takes none of what it found false', () => {
    // A stop after a capital is no sentence's end; a count alone is an abbreviation; an enumeration keeps its abbreviations.
    expect(definedNames('Børstilsyn', [], 'U.S. Securities and Exchange Commission (SEC) er en myndighed.', '')).toEqual(['U.S. Securities and Exchange Commission', 'SEC']);
    expect(definedNames('Nettoindkomst', [], 'Nettoindkomst (NI) er overskuddet.', '')).toEqual(['NI']);
    expect(definedNames('X', [], 'Resultat før renter og skat (EBIT, earnings before interest and taxes, primær drift) er et mål.', '')).toEqual(['Resultat før renter og skat', 'EBIT']);
    // A name's own colon: one name, not what follows it.
    expect(definedNames('Formular 4562', [], 'Form 4562: Depreciation and Amortization er en formular.', '')).toEqual(['Form 4562: Depreciation and Amortization']);
    // A place code qualifies; one letter in brackets is no name; "de fleste" names nothing.
    expect(definedNames('Hedgefond (USA)', [], '', '## Hvad er en hedgefond (USA)?')).toEqual(['hedgefond']);
    expect(definedNames('401(k)-ordning', [], 'En 401(k) er en pensionsordning.', '')).toEqual([]);
    expect(definedNames('X', [], 'De fleste investorer er forsigtige.', '')).toEqual([]);
    expect(definedNames('X', [], '', '## Hvad er ' + '.'.repeat(50_000) + 'x?')).toEqual([]);
    // Over 200 characters, a heading is not read, not even for a bracket's abbreviation.
    expect(definedNames('X', [], '', '## Hvad er en aktie (AKT)?')).toEqual(['aktie', 'AKT']);
    expect(definedNames('X', [], '', `## Hvad er en aktie (AKT) ${'og så videre '.repeat(15)}?`)).toEqual([]);
  });
});
