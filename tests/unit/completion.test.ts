import { describe, expect, it } from 'vitest';
import { complete, completionScript } from '../../src/commands/completion.js';
import { completionModel } from '../../src/commands/table.js';
import { UsageError } from '../../src/errors.js';

const data = {
  names: () => ['strategisk-alliance', 'strategicalliance', 'organisk-vaekst', 'joint-venture'],
  keywords: () => ['Business', 'Types of Corporations', 'Corporate Finance and Accounting'],
  langs: () => ['da', 'en', 'all'],
};
const at = (line: string) => {
  const words = line.split(' ');
  return complete(completionModel(), data, words, words.length - 1);
};

describe('complete', () => {
  it.each([
    ['glossary ', ['lookup', 'search', 'random', 'list', 'keywords', 'links', 'backlinks', 'related', 'export', 'scan', 'check', 'lsp', 'serve', 'completion', 'help']],
    ['glossary l', ['lookup', 'list', 'links', 'lsp']],
    ['glossary lookup strat', ['strategisk-alliance', 'strategicalliance']],
    ['glossary lookup organisk-væ', ['organisk-vaekst']],
    ['glossary lookup ORGANISK', ['organisk-vaekst']],
    ['glossary links joint', ['joint-venture']],
    ['glossary search strat', []],
    ['glossary list ', []],
    ['glossary lookup --w', ['--width']],
    ['glossary search --', ['--limit', '--width', '--json', '--pick', '--no-pager', '--explain', '--content', '--lang', '--refresh', '--no-color', '--debug', '--help', '--version']],
    ['glossary --', ['--content', '--lang', '--refresh', '--no-color', '--debug', '--help', '--version']],
    ['glossary list --keyword typ', ['Types of Corporations']],
    ['glossary list -k corp', ['Corporate Finance and Accounting']],
    ['glossary random --keyword ', ['Business', 'Types of Corporations', 'Corporate Finance and Accounting']],
    ['glossary --lang e', ['en']],
    ['glossary --content ', []],
    ['glossary search --limit ', []],
    ['glossary --lang en lookup strat', ['strategisk-alliance', 'strategicalliance']],
    ['glossary --content dir lookup joint', ['joint-venture']],
    ['glossary check --rule br', ['broken-link']],
    ['glossary check dir --skip-rule untranslated,or', ['untranslated,orphan']],
    ['glossary check --rule orphan,', expect.not.arrayContaining(['orphan,orphan'])],
    ['glossary completion ', ['bash', 'zsh', 'fish']],
    ['glossary completion z', ['zsh']],
    ['glossary help se', ['search', 'serve']],
    ['glossary nosuch x', []],
  ])('%j offers %j', (line, expected) => {
    expect(at(line)).toEqual(expected);
  });
});

describe('completionScript', () => {
  it('refuses a shell it does not know, naming the ones it does', () => {
    expect(() => completionScript('tcsh')).toThrow(new UsageError('no completion for "tcsh": choose one of bash, zsh, fish'));
  });
  it('asks glossary __complete with the word under the cursor and the words, in each shell', () => {
    expect(completionScript('bash')).toContain('done < <(glossary __complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null)');
    expect(completionScript('bash')).toContain(`COMPREPLY+=("$(printf '%q' "$candidate")")`);
    expect(completionScript('zsh')).toContain('glossary __complete $((CURRENT - 1)) "${words[@]}"');
    expect(completionScript('fish')).toContain('glossary __complete (math (count $words) - 1) $words');
  });
});
