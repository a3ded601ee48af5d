// The corpus config file: what cannot be guessed from a folder, in `glossary.json` (or
// `glossary.yaml`) at its root. Every field is optional; a folder without the file needs none.
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { languageCode } from '../corpus/languages.js';
import { ContentError } from '../errors.js';
import { changeTime } from './files.js';

export interface CorpusConfig {
  /** The path every glossary link starts with on the site: `/en-US/docs/Glossary/`. */
  sitePrefix?: string;
  /** The language shown when the user names none (before the locale and the largest). */
  defaultLanguage?: string;
  /** Front-matter fields read as keywords besides `keywords`, `tags`, `category` and `categories`. */
  keywordFields?: string[];
  /** Folders (names or paths from the root) whose files are not terms. */
  skip?: string[];
  /** Folder name -> language code, for folders named otherwise: `{"Dutch": "da"}`. */
  languages?: Record<string, string>;
  /**
   * Not a setting of the file: set where the content folder is an Obsidian vault (it holds
   * `.obsidian/`), whose every note is an article, with or without front matter or a heading.
   */
  vault?: boolean;
  /**
   * Not a setting of the file either: in a vault, the folders its templates plugins keep templates
   * in (`.obsidian/templates.json`'s `folder`, Templater's `templates_folder`), as paths from the
   * vault's root. Their notes are templates (`{{title}}`), not terms.
   */
  templates?: string[];
  /** Not a setting either: in a folder of a vault given as the content folder, its path in the vault (`Ordliste`). */
  vaultPath?: string;
}

// gray-matter (with js-yaml and esprima) costs ~8 ms to load: required only for a YAML config.
// esbuild bundles this require and runs the module's set-up only when it is first reached.
declare const require: (id: string) => unknown;
type Matter = (text: string, options: unknown) => { data: unknown };
const yaml = (text: string): unknown => {
  const loaded = require('gray-matter') as Matter | { default: Matter };
  const matter = typeof loaded === 'function' ? loaded : loaded.default;
  return matter(`---\n${text}\n---\n`, { language: 'yaml' }).data;
};

/** Where links are written from in a vault (siteLinkOptions): '' at its root, the folder's path in it, undefined outside a vault. */
export function vaultPathOf(config: CorpusConfig | undefined): string | undefined {
  return config?.vault ? config.vaultPath ?? '' : undefined;
}

export const CONFIG_FILES = ['glossary.json', 'glossary.yaml', 'glossary.yml'];

/** The config file of a folder and its mtime (a change to it must recompile), or nothing. */
/**
 * The config file of a content folder. One that is a symbolic link to a file outside the folder is
 * `outside`: named as skipped, never read (nothing outside the content folders is read or shown).
 */
export function findConfig(dir: string): { file: string; ctimeMs: number; ino: number; outside?: boolean } | undefined {
  const found: Array<{ file: string; ctimeMs: number; ino: number; outside?: boolean }> = [];
  for (const name of CONFIG_FILES) {
    try {
      const path = join(dir, name);
      if (lstatSync(path).isSymbolicLink()) {
        const root = realpathSync(dir);
        const target = realpathSync(path);
        if (!target.startsWith(root.endsWith(sep) ? root : root + sep)) {
          const link = lstatSync(path);
          found.push({ file: path, ctimeMs: changeTime(link), ino: link.ino, outside: true });
          continue;
        }
      }
      const stats = statSync(path);
      if (stats.isFile()) found.push({ file: join(dir, name), ctimeMs: changeTime(stats), ino: stats.ino });
    } catch {
      /* not there */
    }
  }
  if (found.length > 1) throw new ContentError(`${dir} has ${found.map((f) => basename(f.file)).join(' and ')}: keep one config file`);
  return found[0];
}

function bad(file: string, what: string): never {
  throw new ContentError(`${file}: ${what}: fix it or remove the file (see "Your own corpus" in the README)`);
}

const FIELDS = new Set(['siteprefix', 'defaultlanguage', 'keywordfields', 'skip', 'languages']);

/** Reads and checks a config file: a one-line ContentError names what is wrong. */
export function readConfig(file: string): CorpusConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (error) {
    return bad(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!file.endsWith('.json') && /^(?:---|\.\.\.)\s*$/m.test(text)) bad(file, 'a "---" line: the config is one YAML document, without front-matter fences');
  let data: unknown;
  try {
    // YAML through gray-matter's own YAML reader (no engine that evaluates code); JSON is YAML too.
    data = file.endsWith('.json') ? JSON.parse(text) : yaml(text);
  } catch (error) {
    // Where, never what: the parser's message quotes the text, and a config is no text to show.
    const message = error instanceof Error ? error.message : '';
    const mark = (error as { mark?: { line?: number } }).mark;
    const at = /position (\d+)/.exec(message)?.[1];
    const line = mark?.line !== undefined ? mark.line + 1 : at !== undefined ? text.slice(0, Number(at)).split('\n').length : undefined;
    return bad(file, `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}${line !== undefined ? ` (line ${line})` : ''}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return bad(file, 'not an object of settings');
  const config: CorpusConfig = {};
  const texts = (value: unknown, key: string): string[] => {
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) bad(file, `"${key}" must be a list of texts`);
    return value as string[];
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (!FIELDS.has(k)) bad(file, `unknown setting "${key}" (known: sitePrefix, defaultLanguage, keywordFields, skip, languages)`);
    if (k === 'siteprefix') {
      if (typeof value !== 'string' || !value.startsWith('/')) bad(file, '"sitePrefix" must be a path that starts with "/", e.g. "/en-US/docs/Glossary/"');
      config.sitePrefix = value;
    } else if (k === 'defaultlanguage') {
      if (typeof value !== 'string' || !languageCode(value)) bad(file, '"defaultLanguage" must be a language code, e.g. "da"');
      config.defaultLanguage = languageCode(value as string);
    } else if (k === 'keywordfields') config.keywordFields = texts(value, key).map((f) => f.toLowerCase());
    else if (k === 'skip') config.skip = texts(value, key).map((f) => f.replace(/^\.?\/+|\/+$/g, ''));
    else {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) bad(file, '"languages" must map folder names to language codes, e.g. {"Dutch": "da"}');
      const map: Record<string, string> = {};
      for (const [folder, code] of Object.entries(value as Record<string, unknown>)) {
        if (typeof code !== 'string' || !languageCode(code)) bad(file, `"languages": "${folder}" must map to a language code, e.g. "da"`);
        map[folder] = languageCode(code as string) as string;
      }
      config.languages = map;
    }
  }
  return config;
}
