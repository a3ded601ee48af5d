// Shell completion: scripts for bash, zsh and fish that ask `glossary __complete` for candidates,
// so that article names and keywords come from the corpus at completion time.
import { fold } from '../fold.js';
import { UsageError } from '../errors.js';
import { CHECK_RULES } from './check.js';
/** What an option's value is, for completion: the command table marks its options with it. */
export type ValueKind = 'keyword' | 'dir' | 'lang' | 'rule' | 'other';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export function completionScript(shell: string): string {
  switch (shell) {
    case 'bash':
      return `# glossary completion for bash: add to ~/.bashrc
#   source <(glossary completion bash)
_glossary() {
  local candidate
  COMPREPLY=()
  # Each candidate escaped for the command line: a keyword with spaces stays one word, and one
  # with * or ? is not expanded against the files of the current folder.
  while IFS= read -r candidate; do
    [ -n "$candidate" ] && COMPREPLY+=("$(printf '%q' "$candidate")")
  done < <(glossary __complete "$COMP_CWORD" "\${COMP_WORDS[@]}" 2>/dev/null)
}
complete -o default -F _glossary glossary
`;
    case 'zsh':
      return `#compdef glossary
# glossary completion for zsh: add to ~/.zshrc
#   source <(glossary completion zsh)
_glossary() {
  local -a items
  items=("\${(@f)$(glossary __complete $((CURRENT - 1)) "\${words[@]}" 2>/dev/null)}")
  # Nothing offered (a folder or a file is wanted, or no name matches): files, as bash's -o default.
  if [[ -z "\${items[*]}" ]]; then
    _files
    return
  fi
  # -U: the candidates are matched already, Danish letters typed plainly and case aside (børsn
  # finds boersnotering), which zsh's own prefix filter would throw away.
  compadd -U -- "\${items[@]}"
}
compdef _glossary glossary
`;
    case 'fish':
      return `# glossary completion for fish: save as ~/.config/fish/completions/glossary.fish
#   glossary completion fish > ~/.config/fish/completions/glossary.fish
function __glossary_complete
  set -l words (commandline -opc) (commandline -ct)
  set -l found (glossary __complete (math (count $words) - 1) $words 2>/dev/null)
  # Nothing offered (a folder or a file is wanted, or no name matches): files, as bash's -o default.
  if test (count $found) -eq 0
    __fish_complete_path (commandline -ct)
  else
    printf '%s\n' $found
  end
end
complete -c glossary -f -a '(__glossary_complete)'
`;
    default:
      throw new UsageError(`no completion for "${shell}": choose one of ${SHELLS.join(', ')}`);
  }
}

export interface CompletionModel {
  commands: Array<{ name: string; options: string[]; takesArticle: boolean }>;
  globalOptions: string[];
  /** Options whose value is a keyword, a folder, a language. */
  valueOptions: Record<string, ValueKind>;
}

export interface CompletionData {
  names(): string[];
  keywords(): string[];
  langs(): string[];
}

/**
 * The words of a command line with every `--option=value` as two words, as the CLI reads it:
 * zsh and fish pass `--content=dir` as one word, bash as three (`--content`, `=`, `dir`: `=` is a
 * word break). `cword` moved to match; `prefix` is what the shell's current word had before the
 * value being completed (`--lang=`), to be put back before each candidate.
 */
export function optionWords(given: string[], cword: number): { words: string[]; cword: number; prefix: string } {
  const words: string[] = [];
  let at = cword;
  let prefix = '';
  for (let i = 0; i < given.length; i++) {
    const word = given[i] as string;
    const split = /^(--[a-z][a-z-]*)=(.*)$/s.exec(word);
    if (i > 0 && word === '=' && (given[i - 1] as string).startsWith('--')) {
      // bash: `--content = dir`. The value follows (or is the word being completed).
      if (i < cword) at--;
      if (i === cword) words.push('');
      continue;
    }
    if (split && i > 0) {
      words.push(split[1] as string, split[2] as string);
      if (i < cword) at++;
      else if (i === cword) {
        at++;
        prefix = `${split[1]}=`;
      }
      continue;
    }
    words.push(word);
  }
  return { words, cword: at, prefix };
}

/** Candidates for the word at `cword` of `words` (words[0] is `glossary`). Pure. */
export function complete(model: CompletionModel, data: CompletionData, given: string[], cword: number): string[] {
  // bash passes words as typed: `Corporate\ F` is the word `Corporate F`.
  const words = given.map((w) => w.replace(/\\(.)/g, '$1'));
  const current = words[cword] ?? '';
  const before = words.slice(1, cword);
  const previous = before[before.length - 1];
  const starts = (list: string[]) => {
    // Names fold (`orga` finds `organisk-vaekst`, `vae` is `væ`); options must match as typed.
    const key = current.startsWith('-') ? '' : fold(current);
    return list.filter((c) => c.startsWith(current) || (key !== '' && fold(c).startsWith(key)));
  };
  const wants = previous ? model.valueOptions[previous] : undefined;
  if (wants === 'keyword') return starts(data.keywords());
  if (wants === 'lang') return starts(data.langs());
  if (wants === 'rule') {
    // A comma-separated list: the part after the last comma is completed.
    const done = current.slice(0, current.lastIndexOf(',') + 1);
    const part = current.slice(done.length);
    return CHECK_RULES.filter((r) => r.startsWith(part) && !done.split(',').includes(r)).map((r) => done + r);
  }
  if (wants === 'dir' || wants === 'other') return [];
  const command = before.find((w, i) => !w.startsWith('-') && !(i > 0 && model.valueOptions[before[i - 1] as string]));
  const spec = model.commands.find((c) => c.name === command);
  if (current.startsWith('-')) return starts([...(spec?.options ?? []), ...model.globalOptions]);
  if (!spec) return starts(model.commands.map((c) => c.name));
  if (spec.name === 'completion') return starts([...SHELLS]);
  if (spec.name === 'help') return starts(model.commands.map((c) => c.name));
  return spec.takesArticle ? starts(data.names()) : [];
}
