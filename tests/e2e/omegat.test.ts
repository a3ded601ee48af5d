// glossary export's TSV and TBX read by OmegaT (Debian's omegat package, a client we did not
// write): tests/fixtures/omegat/glossary-hits.groovy loads an OmegaT project as
// `omegat --mode=console-translate` does, loads its glossary/ folder through OmegaT's
// GlossaryManager and prints, per source segment, the entries OmegaT's FindGlossaryThread
// recognises: what the Glossary pane shows (checked by eye under Xvfb, README "In your
// translation tool"). Skips, saying so, when OmegaT or java is not installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from '../helpers.js';

const JAR = '/usr/share/omegat/OmegaT.jar';
const OMEGAT = existsSync(JAR) && spawnSync('sh', ['-c', 'command -v java']).status === 0;
if (!OMEGAT) console.warn('SKIPPED: OmegaT is not installed (apt-get install omegat)');

interface Hit {
  term: string;
  translations: string[];
  comments: string[];
}
interface Run {
  files: Map<string, number>;
  segments: Map<string, Hit[]>;
}

/** An OmegaT project (da -> en) with `source` as its one source file and `glossaries` in glossary/. */
function project(source: string): string {
  const dir = join(tempDir('glossary-omegat-'), 'project');
  cpSync(fixture('omegat/project'), dir, { recursive: true });
  for (const sub of ['target', 'tm', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'source', 'tekst.txt'), source);
  return dir;
}

function omegat(dir: string): Run {
  const home = tempDir('glossary-omegat-home-');
  const r = spawnSync('java', [`-Duser.home=${home}`, '-Djava.awt.headless=true', '-cp', JAR, 'groovy.ui.GroovyMain', fixture('omegat/glossary-hits.groovy'), dir], {
    encoding: 'utf8',
    timeout: 180000,
    env: { PATH: process.env['PATH'], HOME: home },
  });
  expect(r.status, r.stderr.slice(-2000)).toBe(0);
  const run: Run = { files: new Map(), segments: new Map() };
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line) as { file?: string; entries?: number; segment?: string; hits?: Hit[] };
    if (o.file !== undefined) run.files.set(o.file, o.entries ?? -1);
    if (o.segment !== undefined) run.segments.set(o.segment, o.hits ?? []);
  }
  return run;
}

const hit = (hits: Hit[] | undefined, term: string) => (hits ?? []).find((h) => h.term === term);

const TEXT = 'Selskabet indgik en strategisk alliance med en leverandør for at styrke sin organiske vækst.\n\nÅrsrapporten viser periodiseringer, leverandørgæld og tilgodehavender.\n';
const FIRST = 'Selskabet indgik en strategisk alliance med en leverandør for at styrke sin organiske vækst.';
const SECOND = 'Årsrapporten viser periodiseringer, leverandørgæld og tilgodehavender.';

describe.runIf(OMEGAT)('OmegaT 3.6 reads the exports as project glossaries', () => {
  it(
    'the bundled TSV (da -> en) and TBX: every TSV line is an entry, terms in the text are recognised with their translation and definition',
    () => {
      const dir = project(TEXT);
      const tsv = join(dir, 'glossary', 'glossary.txt');
      expect(cli(['export', '--format', 'tsv', '--from', 'da', '--to', 'en', '-o', tsv]).code).toBe(0);
      expect(cli(['export', '--format', 'tbx', '-o', join(dir, 'glossary', 'glossary.tbx')]).code).toBe(0);
      const run = omegat(dir);

      const lines = readFileSync(tsv, 'utf8').split('\n').filter((l) => l.trim() !== '');
      expect(run.files.get('glossary.txt')).toBe(lines.length);
      // TBX: one entry per Danish term (title and aliases) of the 250 bundled articles.
      expect(run.files.get('glossary.tbx')).toBeGreaterThan(1000);

      const first = run.segments.get(FIRST);
      // "organiske vækst" is found through OmegaT's Danish stemming: the TSV gives the English
      // term, the TBX the definition.
      expect(hit(first, 'Organisk vækst')?.translations).toContain('organic growth');
      expect(hit(first, 'Organisk vækst')?.comments.join('\n')).toContain('definition: Organisk vækst er den vækst');
      // No English alias, so not in the TSV: the TBX alone makes it known, with its definition.
      expect(hit(first, 'Strategisk alliance')?.comments.join('\n')).toMatch(/definition: En strategisk alliance er en aftale mellem to virksomheder/);
      expect(hit(first, 'Leverandørgæld')).toBeUndefined();

      const second = run.segments.get(SECOND);
      expect(hit(second, 'Årsrapport')?.translations).toContain('annual report');
      expect(hit(second, 'Tilgodehavender')?.translations).toContain('accounts receivable');
      expect(hit(second, 'Leverandørgæld')?.translations).toContain('accounts payable');
      // An alias, a term of the TBX entry: found as written in the text.
      expect(hit(second, 'periodiseringer')?.comments.join('\n')).toContain('definition: Periodisering er');
    },
    240000,
  );

  it(
    'a two-language corpus: the TBX gives OmegaT the English term of each Danish one',
    () => {
      const dir = project('Virksomhederne indgik en strategisk alliance og et joint venture.\n');
      expect(cli(['--content', fixture('bilingual'), 'export', '--format', 'tbx', '-o', join(dir, 'glossary', 'glossary.tbx')]).code).toBe(0);
      const run = omegat(dir);
      const hits = run.segments.get('Virksomhederne indgik en strategisk alliance og et joint venture.');
      expect(hit(hits, 'Strategisk alliance')?.translations).toEqual(['Strategic Alliance']);
      expect(hit(hits, 'Strategisk alliance')?.comments.join('\n')).toContain('En aftale mellem to virksomheder.');
    },
    240000,
  );
});
