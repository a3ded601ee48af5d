// End-to-end: scan's listing follows the one table rule of every listing (issue 25, finding 4):
// in a real terminal (tmux) at 40, 80 and 160 columns each term is one screen row (nothing wraps),
// long fields are cut with …, and a wide terminal gives the description its room.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, cli, fixture, root } from '../helpers.js';
import { hasTmux, Terminal } from '../tmux.js';

const contract = join(fixture('scan'), 'kontrakt.txt');
/** The names scan finds in the contract, in order of first occurrence (16 terms). */
const names = () => cli(['scan', contract, '--json']).stdout;

/** Columns a line takes: CJK two, combining marks none (the fixture is Danish: one each). */
const columns = (line: string) => [...line].filter((c) => !/\p{M}/u.test(c)).length;

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe.skipIf(!hasTmux)('scan in a terminal of 40, 80 and 160 columns', () => {
  it.each([40, 80, 160])('%i columns: one row a term, none wider than the screen', (width) => {
    const expected = [...new Set((JSON.parse(names()) as Array<{ name: string }>).map((o) => o.name))];
    expect(expected).toHaveLength(16);
    term = new Terminal(width, 40);
    // The markers are typed split (ST""ART) so that only the output shows them whole on a row.
    term.keys(`cd ${JSON.stringify(root)} && echo ST""ART; node bin/glossary.js scan tests/fixtures/scan/kontrakt.txt; echo E""ND`, 'Enter');
    const screen = term.waitFor(/^END$/m, 30000);
    const rows = screen.split('\n');
    const output = rows.slice(rows.indexOf('START') + 1, rows.indexOf('END'));
    // Each term on one row of its own: a wrapped line would add a row that begins with no name.
    expect(output.map((r) => r.split(/ {2,}/)[0])).toEqual(expected);
    for (const row of output) expect(columns(row.trimEnd()), row).toBeLessThanOrEqual(width);
    if (width === 40) expect(output[0]).toMatch(/^debitor {2,}Debi… {2}2× {2}line 3$/);
    if (width === 80) expect(output).toContain('danmarks-nationalbank  Danmarks Nationalbank  1×  line 4  Danmarks Nationalbank…');
    // The whole width: the description takes what the other columns leave.
    if (width === 160) expect(Math.max(...output.map((r) => columns(r.trimEnd())))).toBeGreaterThan(140);
  });
});

describe('scan listing by width', () => {
  it('fits any width given, down to a narrow one: the title goes before the count and line are cut', () => {
    for (const width of [30, 40, 60, 80, 120, 160, 250]) {
      const r = cli(['scan', contract, '--width', String(width)], cleanEnv());
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(16);
      for (const line of lines) expect(columns(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
    expect(cli(['scan', contract, '--width', '30'], cleanEnv()).stdout.split('\n')[0]).toBe('debitor                2×  li…');
    // A piped listing uses COLUMNS whole, as search does (articles stop at 100 columns; listings do not).
    const wide = cli(['scan', contract], cleanEnv({ COLUMNS: '160' })).stdout.trimEnd().split('\n');
    expect(Math.max(...wide.map(columns))).toBeGreaterThan(140);
  });
});
