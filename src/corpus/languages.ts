// Which folder holds which language, and which language a user means: one rule for listing
// folders, for the default language and for completion.

// ISO 639-1: a folder named by one of these (optionally with a region, `pt-br`) is a language.
const CODES = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko ' +
    'kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi ' +
    'pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ' +
    'ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

// Folders named by the language's English name, as some exports do (`English/`, `Danish/`).
export const LANGUAGE_NAMES: Record<string, string> = {
  afrikaans: 'af', arabic: 'ar', basque: 'eu', bengali: 'bn', bangla: 'bn', bulgarian: 'bg', catalan: 'ca', chinese: 'zh',
  croatian: 'hr', czech: 'cs', danish: 'da', dutch: 'nl', english: 'en', estonian: 'et', faroese: 'fo', finnish: 'fi',
  french: 'fr', galician: 'gl', german: 'de', greek: 'el', greenlandic: 'kl', gujarati: 'gu', hebrew: 'he', hindi: 'hi',
  hungarian: 'hu', icelandic: 'is', indonesian: 'id', irish: 'ga', italian: 'it', japanese: 'ja', kannada: 'kn', korean: 'ko',
  latvian: 'lv', lithuanian: 'lt', malay: 'ms', malayalam: 'ml', marathi: 'mr', norwegian: 'no', persian: 'fa', polish: 'pl',
  portuguese: 'pt', punjabi: 'pa', romanian: 'ro', russian: 'ru', serbian: 'sr', slovak: 'sk', slovenian: 'sl', spanish: 'es',
  swahili: 'sw', swedish: 'sv', tamil: 'ta', telugu: 'te', thai: 'th', turkish: 'tr', ukrainian: 'uk', urdu: 'ur',
  vietnamese: 'vi', welsh: 'cy',
};

/** `da`, `pt-br`, `zh_CN` -> the code, lower case with a hyphen; undefined when it is not one. */
export function languageCode(text: string): string | undefined {
  const match = /^([a-z]{2})(?:[-_]([a-z]{2,4}))?$/i.exec(text);
  if (!match || !CODES.has((match[1] as string).toLowerCase())) return undefined;
  return text.toLowerCase().replace('_', '-');
}

/**
 * A name that ends in a language code after a dot, as Hugo names a translation (`aktie.da`,
 * `index.pt-br`, `aktie/index.en`): the name without it, and the code. Whether the code is a
 * language there (`Socket.io` has a code's shape) is the caller's to judge.
 */
export function languageSuffix(name: string): { base: string; lang: string } | undefined {
  const m = /^(.+)\.([A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?)$/.exec(name);
  const lang = m ? languageCode(m[2] as string) : undefined;
  return m && lang ? { base: m[1] as string, lang } : undefined;
}

/** The language the corpus config's map gives a folder (`{"Dutch": "da"}`, without regard to case). */
export function configuredLanguage(name: string, map: Record<string, string> = {}): string | undefined {
  for (const [folder, code] of Object.entries(map)) if (folder.toLowerCase() === name.toLowerCase()) return code.toLowerCase();
  return undefined;
}

/**
 * The language a folder holds: the corpus config's map first (`{"Dutch": "da"}`, matched without
 * regard to case), then a language code, then an English language name. Undefined otherwise.
 */
export function languageOfFolder(name: string, map: Record<string, string> = {}): string | undefined {
  const configured = configuredLanguage(name, map);
  if (configured) return configured;
  const key = name.toLowerCase();
  // Own keys only: a folder named `constructor` is no language.
  return languageCode(name) ?? (Object.hasOwn(LANGUAGE_NAMES, key) ? LANGUAGE_NAMES[key] : undefined);
}

/**
 * The user's language from the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), most specific
 * first: `pt_BR.UTF-8` -> [`pt-br`, `pt`]. Empty for C, POSIX or nothing set.
 */
export function localeLanguages(env: Record<string, string | undefined>): string[] {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name]?.trim();
    if (!value) continue;
    // The first one set decides, as for any program.
    const match = /^([a-z]{2})(?:_([a-z]{2}))?(?![a-z])/i.exec(value);
    const code = match?.[1]?.toLowerCase();
    if (!code || !CODES.has(code)) return [];
    return match?.[2] ? [`${code}-${match[2].toLowerCase()}`, code] : [code];
  }
  return [];
}
