// One DICT connection's conversation (RFC 2229 3): a command line in, the response out. Pure: the
// edge (src/edge/dict-server.ts) reads lines from the socket and writes what this returns.
import { MAX_LINE, MIME_HEADER, parseWords, quote, status, textBlock } from './protocol.js';
import { PatternError, STRATEGIES, STRATEGY_NAMES } from './strategies.js';
import { MATCH_LIMIT, type Dictionary } from './dictionary.js';

export interface ServerFacts {
  /** The server's name and version, for SHOW SERVER and the banner. */
  name: string;
  /** Lines SHOW SERVER adds (where the corpus comes from). */
  about: string;
  /** STATUS's numbers. */
  status(): string;
}

export interface Reply {
  text: string;
  /** The code of the reply's last status line: what --json logs. */
  code: number;
  /** The connection ends after this reply (QUIT). */
  close?: boolean;
}

const HELP = [
  'DEFINE database word         -- look up word in database',
  'MATCH database strategy word -- match word in database using strategy',
  'SHOW DB                      -- list all accessible databases',
  'SHOW DATABASES               -- list all accessible databases',
  'SHOW STRAT                   -- list available matching strategies',
  'SHOW STRATEGIES              -- list available matching strategies',
  'SHOW INFO database           -- provide information about the database',
  'SHOW SERVER                  -- provide site-specific information',
  'OPTION MIME                  -- use MIME headers',
  'CLIENT info                  -- identify client to server',
  'STATUS                       -- display timing information',
  'HELP                         -- display this help information',
  'QUIT                         -- terminate connection',
  '',
  'Databases are the languages of the glossary; * is all of them, ! the first that has the word.',
  'Strategy . is the server default: the ranked search of glossary search.',
].join('\n');

export class Session {
  mime = false;

  constructor(private readonly facts: ServerFacts) {}

  private text(body: string): string {
    return (this.mime ? MIME_HEADER : '') + textBlock(body, this.mime);
  }

  private ok(): string {
    return status(250, 'ok');
  }

  /** The reply to one command line (without its line end). `dict` is the corpus as it is now. */
  handle(line: string, dict: () => Dictionary): Reply {
    const words = parseWords(line);
    if (words === undefined) return { text: status(501, 'syntax error, illegal parameters (a quote is not closed)'), code: 501 };
    if (words.length === 0) return { text: status(500, 'syntax error, command not recognized'), code: 500 };
    const command = (words[0] as string).toUpperCase();
    const args = words.slice(1);
    const syntax = (): Reply => ({ text: status(501, 'syntax error, illegal parameters'), code: 501 });
    switch (command) {
      case 'DEFINE': {
        if (args.length !== 2 || (args[1] as string).trim() === '') return syntax();
        return this.define(dict(), args[0] as string, args[1] as string);
      }
      case 'MATCH': {
        if (args.length !== 3 || (args[2] as string).trim() === '') return syntax();
        return this.match(dict(), args[0] as string, (args[1] as string).toLowerCase(), args[2] as string);
      }
      case 'SHOW': {
        const what = (args[0] ?? '').toUpperCase();
        if ((what === 'DB' || what === 'DATABASES') && args.length === 1) {
          const dbs = dict().databases;
          if (dbs.length === 0) return { text: status(554, 'no databases present'), code: 554 };
          return { text: status(110, `${dbs.length} databases present`) + this.text(dbs.map((d) => `${d.name} ${quote(d.description)}`).join('\n')) + this.ok(), code: 250 };
        }
        if ((what === 'STRAT' || what === 'STRATEGIES') && args.length === 1) {
          return { text: status(111, `${STRATEGIES.length} strategies present`) + this.text(STRATEGIES.map(([n, d]) => `${n} ${quote(d)}`).join('\n')) + this.ok(), code: 250 };
        }
        if (what === 'INFO' && args.length === 2) {
          const d = dict();
          const db = args[1] as string;
          if (!d.databases.some((x) => x.name === db)) return invalidDatabase();
          return { text: status(112, `database information follows`) + this.text(d.info(db)) + this.ok(), code: 250 };
        }
        if (what === 'SERVER' && args.length === 1) {
          return { text: status(114, 'server information follows') + this.text(`${this.facts.name}\n${this.facts.about}`) + this.ok(), code: 250 };
        }
        return syntax();
      }
      case 'CLIENT':
        return { text: this.ok(), code: 250 };
      case 'OPTION':
        if (args.length === 1 && (args[0] as string).toUpperCase() === 'MIME') {
          this.mime = true;
          return { text: this.ok(), code: 250 };
        }
        return args.length ? { text: status(503, 'command parameter not implemented'), code: 503 } : syntax();
      case 'STATUS':
        return { text: status(210, `status ${this.facts.status()}`), code: 210 };
      case 'HELP':
        return { text: status(113, 'help text follows') + this.text(HELP) + this.ok(), code: 250 };
      case 'QUIT':
        return { text: status(221, 'bye'), code: 221, close: true };
      case 'AUTH':
      case 'SASLAUTH':
      case 'SASLRESP':
        return { text: status(502, 'command not implemented'), code: 502 };
      default:
        return { text: status(500, 'syntax error, command not recognized'), code: 500 };
    }
  }

  private define(dict: Dictionary, db: string, word: string): Reply {
    const targets = db === '*' || db === '!' ? dict.databases : dict.databases.filter((d) => d.name === db);
    if (targets.length === 0) return invalidDatabase();
    const found: string[] = [];
    for (const target of targets) {
      for (const def of dict.define(target.name, word)) found.push(status(151, `${quote(def.word)} ${target.name} ${quote(target.description)}`) + this.text(def.text));
      if (db === '!' && found.length) break;
    }
    if (found.length === 0) return { text: status(552, 'no match'), code: 552 };
    return { text: status(150, `${found.length} definition${found.length === 1 ? '' : 's'} retrieved`) + found.join('') + this.ok(), code: 250 };
  }

  private match(dict: Dictionary, db: string, strategy: string, word: string): Reply {
    if (strategy !== '.' && !STRATEGY_NAMES.has(strategy)) return { text: status(551, 'invalid strategy, use "SHOW STRAT" for a list of strategies'), code: 551 };
    const targets = db === '*' || db === '!' ? dict.databases : dict.databases.filter((d) => d.name === db);
    if (targets.length === 0) return invalidDatabase();
    const lines: string[] = [];
    let cut = false;
    let early = false;
    try {
      for (const target of targets) {
        const found = dict.match(target.name, strategy, word);
        if (found.length > MATCH_LIMIT) cut = true;
        if (dict.matchStopped?.(target.name, strategy, word)) early = true;
        for (const w of found.slice(0, MATCH_LIMIT)) lines.push(`${target.name} ${quote(w, MAX_LINE - 3 - target.name.length)}`);
        if (db === '!' && lines.length) break;
      }
    } catch (error) {
      if (error instanceof PatternError) return { text: status(501, `syntax error, illegal parameters: ${error.message}`), code: 501 };
      throw error;
    }
    if (lines.length === 0) return { text: status(552, early ? 'no match found before matching stopped after 0.2 s: make the pattern simpler' : 'no match'), code: 552 };
    const more = cut ? ` (the first ${MATCH_LIMIT} of a database: more match, narrow the word)` : early ? ' (matching stopped after 0.2 s, the list may be short: make the pattern simpler)' : '';
    return { text: status(152, `${lines.length} match${lines.length === 1 ? '' : 'es'} found${more}`) + this.text(lines.join('\n')) + this.ok(), code: 250 };
  }
}

function invalidDatabase(): Reply {
  return { text: status(550, 'invalid database, use "SHOW DB" for a list of databases'), code: 550 };
}
