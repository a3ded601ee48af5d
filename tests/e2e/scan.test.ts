// End-to-end: `glossary scan` over Danish texts written for these tests (tests/fixtures/scan/),
// against the bundled glossary.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cleanEnv, cli, fixture, tempDir } from '../helpers.js';

const text = (name: string) => join(fixture('scan'), name);
/** The names of the terms found, in order of first occurrence, with their counts. */
const found = (stdout: string) => stdout.trim().split('\n').map((l) => l.split(/\s{2,}/).filter(Boolean)).map(([name, , count]) => `${name} ${count}`);

describe('scan', () => {
  it('lists the terms of an annual report in order of first occurrence, counting inflected and compound forms', () => {
    const r = cli(['scan', text('aarsrapport.txt')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(found(r.stdout)).toEqual([
      'ledelsesberetning 1×', 'regnskabsaar 1×', 'omsaetning 1×', 'ebitda 1×', 'nedskrivning 1×', 'goodwill 1×', 'datterselskab 1×',
      'markedsandel 1×', 'aarets-resultat 2×', 'egenkapital 1×', 'soliditetsgrad 1×', 'bestyrelse 1×', 'generalforsamling 1×',
      'udbytte 1×', 'moderselskab 1×', 'likviditet 1×', 'kassekredit 1×', 'fusion 2×', 'aktieselskab 1×', 'revisor 1×', 'forbehold 1×', 'aarsrapport 1×',
    ]);
    // "Skat af årets resultat": the ordinary word skat is not the authority whose alias is SKAT.
    expect(r.stdout).not.toContain('skattestyrelsen');
  });

  it('each line names the term, its title, the count, the first line, and the description cut to the width', () => {
    const lines = cli(['scan', text('aarsrapport.txt'), '--width', '70']).stdout.split('\n');
    expect(lines[0]).toMatch(/^ledelsesberetning {2}Ledelsesberetning {2}1× {2}line 1 {3}Ledelsesberetning\S*…$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(70);
  });

  it('finds the terms of a contract clause; an abbreviation only as it is written (ÅOP, not "apr.")', () => {
    const r = cli(['scan', text('kontrakt.txt')]);
    const names = found(r.stdout);
    expect(names).toContain('aaop 1×');
    expect(names).toContain('pant 2×');
    expect(names).toContain('danmarks-nationalbank 1×');
    expect(names).toContain('kassekredit 1×');
    expect(names.slice(0, 2)).toEqual(['debitor 2×', 'pant 2×']);
  });

  it('finds terms inside compounds, and the longest term at a position, in board minutes', () => {
    const names = found(cli(['scan', text('referat.md')]).stdout);
    // bestyrelsesmøde, bestyrelsesmedlemmer, Bestyrelsen: the head of each compound is the term.
    expect(names).toContain('bestyrelse 3×');
    expect(names).toContain('warrant 1×'); // warrantprogram
    expect(names).toContain('god-selskabsledelse 1×'); // not "selskabsledelse" alone
    expect(names).toContain('revisionsudvalg 1×'); // Revisionsudvalget: the longest term, not revision
    expect(names.slice(0, 3)).toEqual(['bestyrelse 3×', 'bestyrelsesformand 1×', 'administrerende-direktoer 1×']);
  });

  it('gives every occurrence with line, column and text as a JSON array, in the order of the text', () => {
    const r = cli(['scan', '--json'], cleanEnv(), 'Vi betaler moms.\nMomsen og ÅOP stiger; aktieselskabets udbytte falder.\n');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; line: number; column: number; text: string; first?: boolean; description?: string }>;
    expect(list.map((o) => [o.id, o.line, o.column, o.text, o.first ?? false])).toEqual([
      ['vat', 1, 12, 'moms', true], ['vat', 2, 1, 'Momsen', false], ['annualpercentagerate', 2, 11, 'ÅOP', true],
      ['corporation', 2, 23, 'aktieselskabets', true], ['dividend', 2, 39, 'udbytte', true],
    ]);
    expect(list[0]?.description).toMatch(/^Moms er en afgift/);
    expect(list[1]).not.toHaveProperty('description');
  });

  it('--annotate --json is one JSON document: the annotated text, then the terms with their counts', () => {
    const r = cli(['scan', '--annotate', '--json'], cleanEnv({ FORCE_COLOR: '1' }), 'Moms og moms igen.\nEn fusion.\n');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { text: string; terms: Array<{ ref: number; id: string; count: number }> };
    expect(doc.text).toBe('Moms[1] og moms igen.\nEn fusion[2].\n');
    expect(doc.terms.map((t) => [t.ref, t.id, t.count])).toEqual([[1, 'vat', 2], [2, 'merger', 1]]);
  });

  it('reads a long line without a newline in parts, and finds a term at its end at the right column', () => {
    const line = 'Solen skinner over byen. '.repeat(20_000) + 'Til sidst en strategisk alliance';
    const r = cli(['scan', '--json'], cleanEnv(), line);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<{ id: string; line: number; column: number; text: string }>;
    expect(list.map((o) => [o.id, o.line, o.column, o.text])).toEqual([['strategicalliance', 1, line.indexOf('strategisk') + 1, 'strategisk alliance']]);
  });

  it('refuses standard input that is a folder with exit 7', () => {
    const r = spawnSync('sh', ['-c', `node "${bin}" scan < "${tempDir()}"`], { encoding: 'utf8', env: cleanEnv() });
    expect(r.status).toBe(7);
    expect(r.stderr).toBe('glossary: standard input is a folder: give a text file, or pipe a text in\n');
  });

  it('annotates the text: first occurrences numbered when plain, a note per term after it', () => {
    const r = cli(['scan', '--annotate'], cleanEnv(), 'Moms og moms igen.\nEn fusion.\n');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Moms[1] og moms igen.', 'En fusion[2].', '']);
    expect(r.stdout).toMatch(/^\[1\] Moms \(moms\): Moms er en afgift/m);
    expect(r.stdout).toMatch(/^\[2\] Fusion \(fusion\): /m);
  });

  it('annotates in colour on request, and never passes the text\'s control characters on', () => {
    const r = cli(['scan', '--annotate'], cleanEnv({ FORCE_COLOR: '1' }), 'moms \u001b[2J\u001b]0;x\u0007 fusion\n');
    expect(r.stdout).toContain('\u001b[36m\u001b[4mmoms\u001b[24m\u001b[39m\u001b[2m[1]\u001b[22m');
    expect(r.stdout).not.toContain('\u001b[2J');
    expect(r.stdout).not.toContain('\u0007');
  });

  it('says so when a text has no terms, with exit 3 as search and lookup when nothing is found', () => {
    const r = cli(['scan'], cleanEnv(), 'Solen skinner over byen.\n');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('glossary: no terms of the glossary in the text\n');
  });

  it.each([
    ['a missing file', () => 'no-such-file.txt', (f: string) => `glossary: ${f}: no such file\n`],
    ['a folder', () => tempDir(), (f: string) => `glossary: ${f} is a folder: give a text file (or - for standard input)\n`],
    [
      'a binary file',
      () => {
        const f = join(tempDir(), 'data.bin');
        writeFileSync(f, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
        return f;
      },
      (f: string) => `glossary: ${f} is a binary file, not text: give a text or Markdown file\n`,
    ],
    [
      'a file that is not UTF-8',
      () => {
        const f = join(tempDir(), 'latin1.txt');
        writeFileSync(f, Buffer.concat([Buffer.from('Linje et\nmoms '), Buffer.from([0xe6, 0x0a])]));
        return f;
      },
      (f: string) => `glossary: ${f} is not valid UTF-8 (line 2): save it as UTF-8\n`,
    ],
  ])('refuses %s with exit 7 and one line that names it', (_what, make, message) => {
    const file = make();
    const r = cli(['scan', file]);
    expect(r.code).toBe(7);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message(file));
  });

  it('reads standard input for -, and several files naming each in the list', () => {
    // Wide enough that the title column stays whatever the length of the checkout's path.
    const r = cli(['scan', text('kontrakt.txt'), '-', '--width', '250'], cleanEnv(), 'Her er ordet EBITDA.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ebitda {2,}EBITDA {2,}1× {2}-:1 {2,}EBITDA er /m);
    expect(r.stdout).toMatch(/^debitor {2,}Debit\S* {2,}2× {2}\S*kontrakt\.txt:3 {2,}En debitor /m);
  });
});

describe('scan: names in Title Case', () => {
  it('finds a Title Case name however the text writes it, the longer name first; an abbreviation still only as written', () => {
    const dir = tempDir('glossary-scan-title-');
    const art = (title: string, body: string) => `---\ntitle: ${title}\ndescription: ${body}\n---\n\n${body}\n`;
    writeFileSync(join(dir, 'load-balancer.md'), art('Load Balancer', 'A load balancer distributes traffic.'));
    writeFileSync(join(dir, 'service-mesh.md'), art('Service Mesh', 'A service mesh manages traffic between services.'));
    writeFileSync(join(dir, 'service.md'), art('Service', 'A service is a network endpoint.'));
    writeFileSync(join(dir, 'etf.md'), art('ETF', 'An exchange-traded fund.'));
    const r = cli(['--content', dir, 'scan', '--json'], cleanEnv(), 'We run a service mesh behind a Load balancer; an etf is no ETF here.\n');
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ id: string; text: string }>;
    expect(hits.map((h) => [h.id, h.text])).toEqual([['service-mesh', 'service mesh'], ['load-balancer', 'Load balancer'], ['etf', 'ETF']]);
  });
});

describe('scan --json when a text turns out not to be text part-way', () => {
  it('exits 7 with the message, and what it wrote is whole JSON (the occurrences before)', () => {
    const file = join(tempDir('glossary-scan-late-'), 'late.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Aktie og obligation i et aktieselskab.\n'.repeat(60000)), Buffer.from('\u0000 binært')]));
    const r = spawnSync(process.execPath, [bin, 'scan', '--json', file], { env: cleanEnv(), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    expect(r.status).toBe(7);
    expect(r.stderr).toBe(`glossary: ${file} is a binary file, not text: give a text or Markdown file\n`);
    const found = JSON.parse(r.stdout) as Array<{ id: string }>;
    expect(found.length).toBeGreaterThan(1000);
    const annotated = spawnSync(process.execPath, [bin, 'scan', '--json', '--annotate', file], { env: cleanEnv(), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    expect(annotated.status).toBe(7);
    expect((JSON.parse(annotated.stdout) as { terms: unknown[] }).terms.length).toBeGreaterThan(0);
  }, 120_000);

  // A hostile tester's findings: names with their abbreviation in a parenthesis were found only
  // whole (36 of 224 titles of a real corpus), text from macOS or a PDF (decomposed, soft
  // hyphens) lost its terms, and a newline in a file name split a row of the table.
  it('finds the name before a parenthesis and the abbreviation in it, each on its own; the whole name ends after the parenthesis', () => {
    const r = cli(['--content', fixture('search-opposites'), 'scan', '--json', '-'], cleanEnv(), 'IRS opkræver skat. Dagens VaR steg. RRR var høj, og afkastningsgraden steg. Value at Risk (VaR) er et mål.\n');
    expect(r.code, r.stderr).toBe(0);
    const hits = (JSON.parse(r.stdout) as Array<{ id: string; text: string }>).map((h) => `${h.id} ${h.text}`);
    expect(hits).toEqual(['irs IRS', 'value-at-risk VaR', 'requiredrateofreturn RRR', 'rateofreturn afkastningsgraden', 'value-at-risk Value at Risk (VaR)']);
  });

  it('finds terms in decomposed text and in words with soft hyphens', () => {
    const nfd = 'Årsrapporten nævner lånet.\n'.normalize('NFD');
    expect(found(cli(['scan', '-'], cleanEnv(), nfd).stdout)).toEqual(['aarsrapport 1×', 'laan 1×']);
    expect(found(cli(['scan', '-'], cleanEnv(), 'egen\u00adkapitalen og ak\u00adtie\u00adselskabet\n').stdout)).toEqual(['egenkapital 1×', 'aktieselskab 1×']);
  });

  it('shows a file name with a newline on one line, escaped', () => {
    const dir = tempDir();
    const odd = join(dir, 'a\nb.txt');
    writeFileSync(odd, 'Momsen\n');
    writeFileSync(join(dir, 'c.txt'), 'Gælden\n');
    const r = cli(['scan', odd, join(dir, 'c.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toContain('a\\nb.txt:1');
  });

  it('credits a name written as in the text to its article, and finds the definite form of a name ending in -o', () => {
    const r = cli(['scan', '--json', '-'], cleanEnv(), 'Valutarisikoen er høj. Skattemæssige afskrivninger. Indskud på aktiesparekontoen. Afskrivningen.\n');
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ id: string; text: string }>).map((h) => `${h.id} ${h.text}`)).toEqual([
      // Not Risiko (its alias "risikoen"): the oe of -koen is an o and an ending, no ø.
      'currencyrisk Valutarisikoen',
      'taxdepreciation Skattemæssige afskrivninger',
      'equitysavingsaccount aktiesparekontoen',
      'depreciation Afskrivningen',
    ]);
  });

  it('finds a name that a line break splits (wrapped text), not across a blank line; --annotate marks it where it ends', () => {
    const wrapped = 'Selskabet indgik en strategisk\nalliance for at sikre organisk\nvækst, og en strategisk\n\nalliance til.\n';
    const r = cli(['scan', '--json', '-'], cleanEnv(), wrapped);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ id: string; line: number; column: number; text: string }>;
    expect(hits.map((h) => [h.id, h.line, h.column, h.text])).toEqual([
      ['strategicalliance', 1, 21, 'strategisk\nalliance'],
      ['organicgrowth', 2, 23, 'organisk\nvækst'],
    ]);
    const annotated = cli(['scan', '--annotate', '-'], cleanEnv(), wrapped).stdout;
    expect(annotated.split('\n').slice(0, 5)).toEqual(['Selskabet indgik en strategisk', 'alliance[1] for at sikre organisk', 'vækst[2], og en strategisk', '', 'alliance til.']);
    // With CRLF line ends alike.
    expect(found(cli(['scan', '-'], cleanEnv(), wrapped.replace(/\n/g, '\r\n')).stdout)).toEqual(['strategisk-alliance 1×', 'organisk-vaekst 1×']);
  });

  it('scans prose only: not web addresses, link targets, code spans, colour codes, nor a Markdown file\'s front matter and fenced code', () => {
    const r = cli(['scan', '--annotate', '-'], cleanEnv(), 'Se [planen](https://example.com/fusion/aktie) og https://x.dk/konkurs om fusion; `moms` i koden; \u001b[31mgælden\u001b[0m.\n');
    expect(r.stdout.split('\n')[0]).toBe('Se [planen](https://example.com/fusion/aktie) og https://x.dk/konkurs om fusion[1]; `moms` i koden; gælden[2].');
    const dir = tempDir();
    const md = join(dir, 'note.md');
    writeFileSync(md, '---\ntitle: Fusion af aktier\ntags: moms\n---\n\nTekst om fusion.\n\n```\naktie = moms\n```\n\nOg aktien stiger.\n');
    expect(found(cli(['scan', md]).stdout)).toEqual(['fusion 1×', 'aktie 1×']);
    // The same text in a .txt file is all text.
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, readFileSync(md));
    expect(found(cli(['scan', txt]).stdout)).toEqual(['fusion 2×', 'aktie 3×', 'moms 2×']);
  });

  it('keeps the text as it is in --annotate --json (tabs, escape codes escaped, not dropped), and names UTF-16 as such', () => {
    const r = cli(['scan', '--annotate', '--json', '-'], cleanEnv(), 'a\tb\tMomsen \u001b[31mÅOP\n');
    expect((JSON.parse(r.stdout) as { text: string }).text).toBe('a\tb\tMomsen[1] \u001b[31mÅOP[2]\n');
    const utf16 = spawnSync(process.execPath, [bin, 'scan'], { env: cleanEnv(), input: Buffer.from('\ufeffMoms\n', 'utf16le') , encoding: 'utf8' });
    expect(utf16.status).toBe(7);
    expect(utf16.stderr).toBe('glossary: standard input is UTF-16 text: save it as UTF-8\n');
  });

  it('takes a name the text has with an ending before one that only shares its stem (Sælgeren is the seller, not the verb)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sell.md'), '---\ntitle: Sælge\ndescription: At sælge er at overdrage en vare mod betaling.\n---\n\nTekst.\n');
    writeFileSync(join(dir, 'vendor.md'), '---\ntitle: Sælger\ndescription: En sælger er den, der overdrager en vare mod betaling.\n---\n\nTekst.\n');
    const r = cli(['--content', dir, 'scan', '--json', '-'], cleanEnv(), 'Sælgeren leverer varen.\n');
    expect((JSON.parse(r.stdout) as Array<{ id: string; text: string }>).map((h) => `${h.id} ${h.text}`)).toEqual(['vendor Sælgeren']);
  });

  it('says a file name that is not UTF-8 cannot be opened, not that there is no such file', () => {
    const dir = tempDir();
    spawnSync('/bin/sh', ['-c', `printf 'Momsen\\n' > "$(printf 'r\\346.txt')"`], { cwd: dir });
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${bin}" scan "$(printf 'r\\346.txt')"`], { cwd: dir, env: cleanEnv(), encoding: 'utf8' });
    expect(r.status).toBe(7);
    expect(r.stderr).toBe('glossary: r\ufffd.txt: the file name is not valid UTF-8, so it cannot be opened: rename the file\n');
  });

  it('takes only real fences and front matter for code in Markdown (a review of the change)', () => {
    const dir = tempDir();
    const at = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return found(cli(['scan', join(dir, name)]).stdout);
    };
    // A line that begins with a code span is no fence: the rest of the file is prose.
    expect(at('span.md', '```inline``` kode med rente\nog moms og rente\n')).toEqual(['rente 2×', 'moms 1×']);
    // A first line --- followed by prose is a rule, not front matter.
    expect(at('rule.md', '---\nEn rente og moms\nog aktie.\n')).toEqual(['rente 1×', 'moms 1×', 'aktie 1×']);
    // A line of 70,000 characters inside a fence is code too.
    expect(at('long.md', `\`\`\`\n${'moms '.repeat(14000)}\n\`\`\`\nrente\n`)).toEqual(['rente 1×']);
    // A name does not run on into a list item.
    writeFileSync(join(dir, 'list.md'), '- strategisk\n- alliance\n');
    expect(cli(['scan', join(dir, 'list.md')]).code).toBe(3);
  });
});
