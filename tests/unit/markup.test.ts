// Site markup reduced to Markdown text (corpus/markup.ts), languages by folder and locale
// (corpus/languages.ts), and the corpus config (store/config.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES, languageCode, languageOfFolder, localeLanguages } from '../../src/corpus/languages.js';
import { cleanSiteMarkup, firstSentence, inlineLinks } from '../../src/corpus/markup.js';
import { readConfig } from '../../src/store/config.js';
import { listSources } from '../../src/store/source.js';
import { tempDir } from '../helpers.js';

describe('cleanSiteMarkup', () => {
  it.each([
    ['plain text stays', 'Et aktieselskab.', 'Et aktieselskab.'],
    ['a link macro', 'Se {{Glossary("SPA")}} her.', 'Se [SPA](/SPA) her.'],
    ['a link macro with text', '{{Glossary("SPA", "single-page apps")}}', '[single-page apps](/SPA)'],
    ['a link macro with spaces', "{{glossary('Cross-site scripting')}}", '[Cross-site scripting](/Cross-site_scripting)'],
    ['a macro shows its text', 'Brug {{domxref("XMLHttpRequest")}} nu.', 'Brug XMLHttpRequest nu.'],
    ['a macro shows its second argument', '{{domxref("Node.textContent", "textContent")}}', 'textContent'],
    ['a macro with a parenthesis in its argument', '{{jsxref("Promise.all()")}} er', 'Promise.all() er'],
    ['a badge goes, with its space', 'Gammel {{deprecated_inline}} kode.', 'Gammel kode.'],
    ['a sidebar goes', '{{GlossarySidebar}}', ''],
    ['an API sidebar with an argument goes', '{{APIRef("Fetch API")}}', ''],
    ['a paired shortcode keeps its text', '{{< note >}}Husk det.{{< /note >}}', 'Husk det.'],
    ['a shortcode line goes', '{{% pageinfo color="info" %}}', ''],
    ['a glossary tooltip links its term', '{{< glossary_tooltip text="klynge" term_id="cluster" >}}', '[klynge](/cluster/)'],
    ['the export artefact goes', '<h5><a href="">TTT</a></h5>Kilde: S&P', 'Kilde: S&P'],
    ['with a data address', '<h5><a href="data:image/png;base64,AAAA">TTT</a></h5>', ''],
    ['with a bare base64 blob', `<h5><a href="${'Ab9+'.repeat(30)}">TTT</a></h5>`, ''],
    ['an anchor is a Markdown link', 'Se <a href="/aktie">aktier</a>.', 'Se [aktier](/aktie).'],
    ['an anchor to nowhere keeps its text', 'Se <a href="#">her</a>.', 'Se her.'],
    ['an image is its alternative text', 'Figur: <img src="x.png" alt="Balance"> og ![Resultat](y.png)', 'Figur: [image: Balance] og [image: Resultat]'],
    ['an image without alt', '![](y.png)', '[image]'],
    ['subscripts and superscripts in small figures', 'P<sub>0</sub> og x<sup>2</sup>, e<sup>-1</sup>', 'P₀ og x², e⁻¹'],
    ['letters without a small form', 'a<sub>ij</sub> og 2<sup>k</sup>', 'a_(ij) og 2^k'],
    ['summary in bold, details gone', '<details><summary>Hvorfor?</summary>', '**Hvorfor?**'],
    ['other tags unwrapped, a line break kept', 'En <abbr title="x">API</abbr><br>ny <em>linje</em>', 'En API<br>ny linje'],
    ['a comment goes', 'før <!-- skjult --> efter', 'før efter'],
    ['a script goes whole', 'a <script>alert(1)</script> b', 'a b'],
    ['code spans stay as written', 'Skriv `{{x}} <b>` her', 'Skriv `{{x}} <b>` her'],
    ['a formula in TeX', 'CAGR = \\frac{\\$200}{\\$100} - 1', 'CAGR = ($200)/($100) - 1'],
    ['a comparison is not a tag', 'hvis a < b og c > d', 'hvis a < b og c > d'],
    ['an autolink is not a tag', 'Se <https://example.org>.', 'Se <https://example.org>.'],
  ])('%s', (_what, input, output) => {
    expect(cleanSiteMarkup(input)).toBe(output);
  });

  it('keeps fenced code as written and every line a line', () => {
    const body = 'før {{x}}\n```html\n<b>{{x}}</b>\n```\n<!-- to\nlinjer -->efter\n~~~\n<i>\n~~~\n<i>slut</i>';
    expect(cleanSiteMarkup(body)).toBe('før \n```html\n<b>{{x}}</b>\n```\n\nefter\n~~~\n<i>\n~~~\nslut');
    expect(cleanSiteMarkup(body).split('\n')).toHaveLength(body.split('\n').length);
  });

  it('stays fast on hostile lines (bounded patterns)', () => {
    const started = Date.now();
    for (const unit of ['{{x("', '{{< x ', '![a', '<a href="x">', '<h5>', '<sub>', '<!--', 'a <script>']) cleanSiteMarkup(unit.repeat(20_000));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('firstSentence', () => {
  it.each([
    ['the first sentence of the first paragraph', '# T\n\nEn aktie er en ejerandel. Den handles.\n', 'En aktie er en ejerandel.'],
    ['over lines, without markup', 'En **aktie** er en\n[ejerandel](/x) i et `selskab`. Mere.', 'En aktie er en ejerandel i et selskab.'],
    ['an abbreviation does not end it', 'Et selskab, f.eks. et A/S, har ejere. Mere.', 'Et selskab, f.eks. et A/S, har ejere.'],
    ['nor a number', 'Prisen er 1.000 kr. pr. aktie. Mere.', 'Prisen er 1.000 kr. pr. aktie.'],
    ['code and headings are skipped', '```\nkode.\n```\n## Hvad?\n\nSvar her.', 'Svar her.'],
    ['a list item counts', '- Et punkt uden punktum', 'Et punkt uden punktum'],
    ['nothing', '## Kun en overskrift\n', ''],
  ])('%s', (_what, body, sentence) => {
    expect(firstSentence(body)).toBe(sentence);
  });

  it('is cut at the limit with an ellipsis', () => {
    const text = firstSentence(`${'ord '.repeat(200)}slut.`, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('ord…')).toBe(true);
  });
});

describe('languages', () => {
  it.each([
    ['da', 'da'], ['EN', 'en'], ['pt-br', 'pt-br'], ['zh_CN', 'zh-cn'], ['xx', undefined], ['doc', undefined], ['ux', undefined],
  ])('languageCode(%j) is %j', (text, code) => {
    expect(languageCode(text)).toBe(code);
  });

  it('names a folder by code, by English name, or as the config maps it', () => {
    expect(languageOfFolder('Danish')).toBe('da');
    expect(languageOfFolder('english')).toBe('en');
    expect(languageOfFolder('Dutch')).toBe('nl');
    expect(languageOfFolder('dutch', { Dutch: 'da' })).toBe('da');
    expect(languageOfFolder('Texts')).toBeUndefined();
  });

  it.each([
    [{ LANG: 'da_DK.UTF-8' }, ['da-dk', 'da']],
    [{ LANG: 'de' }, ['de']],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'da_DK.UTF-8' }, ['en-us', 'en']],
    [{ LC_MESSAGES: 'sv_SE', LANG: 'da_DK' }, ['sv-se', 'sv']],
    [{ LANG: 'C.UTF-8' }, []],
    [{ LANG: 'POSIX' }, []],
    [{}, []],
  ])('the locale %j is %j', (env, langs) => {
    expect(localeLanguages(env)).toEqual(langs);
  });
});

describe('corpus config', () => {
  const write = (name: string, text: string) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };
  it('reads every setting, keys without regard to case, YAML too', () => {
    expect(readConfig(write('glossary.json', '{"SitePrefix": "/en-US/docs/Glossary/", "defaultLanguage": "DA", "keywordFields": ["Topics"], "skip": ["./drafts/"], "languages": {"Dutch": "da"}}'))).toEqual({
      sitePrefix: '/en-US/docs/Glossary/', defaultLanguage: 'da', keywordFields: ['topics'], skip: ['drafts'], languages: { Dutch: 'da' },
    });
    expect(readConfig(write('glossary.yaml', 'languages:\n  Dutch: da\nskip: [arkiv]\n'))).toEqual({ languages: { Dutch: 'da' }, skip: ['arkiv'] });
  });
  it.each([
    ['[1]', 'not an object of settings'],
    ['{"skip": "drafts"}', '"skip" must be a list of texts'],
    ['{"defaultLanguage": "Danish"}', '"defaultLanguage" must be a language code'],
    ['{"languages": ["da"]}', '"languages" must map folder names to language codes'],
  ])('refuses %j: %s', (text, message) => {
    const file = write('glossary.json', text);
    expect(() => readConfig(file)).toThrow(message);
  });
});

describe('listSources: site layouts', () => {
  it('reads flat files and page bundles at any depth, the id their path; pages that are not terms are named apart', () => {
    const dir = tempDir();
    const w = (path: string, text = '---\ntitle: T\n---\n') => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    w('index.md');
    w('_TEMPLATE.md');
    w('closure/index.md');
    w('node/index.md');
    w('node/networking/index.md');
    w('node/_index.md');
    w('emner/aktie.md');
    w('_partials/x.md');
    w('it/index.md'); // a term named like a language (Italian) is a bundle, not a language folder
    w('.hidden/x.md');
    const listing = listSources([dir]);
    expect(listing.entries.map((e) => [e.id, e.lang, e.dir ?? ''])).toEqual([
      ['closure', 'da', 'closure'], ['emner/aktie', 'da', 'emner'], ['it', 'da', 'it'], ['node', 'da', 'node'], ['node/networking', 'da', 'node/networking'],
    ]);
    expect(listing.skipped.map((s) => [s.file.slice(dir.length + 1), s.page])).toEqual([
      ['_TEMPLATE.md', true], ['_partials/x.md', true], ['index.md', true], ['node/_index.md', true],
    ]);
  });

  it('reads language folders by code or English name beside section pages', () => {
    const dir = tempDir();
    for (const path of ['_index.md', 'en/a.md', 'pt-br/a.md', 'Danish/a.md', 'Texts/a.md']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '# A\n');
    }
    expect(listSources([dir]).entries.map((e) => `${e.lang}:${e.id}`)).toEqual(['da:Texts/a', 'da:a', 'en:a', 'pt-br:a']);
  });
});

describe('cleanSiteMarkup, case by case', () => {
  it.each([
    ['a header macro that is not furniture', '{{HTTPHeader("Content-Type")}}', 'Content-Type'],
    ['an xref macro', '{{cssxref("color")}}', 'color'],
    ['furniture by name', '{{CSSRef}}{{Specifications}}{{Compat}}', ''],
    ['a live sample with an argument', '{{EmbedLiveSample("Eksempel", 600)}}', ''],
    ['a macro without text', '{{Foo(1)}}x', 'x'],
    ['spaces inside a macro', '{{ Glossary( "SPA" ) }}', '[SPA](/SPA)'],
    ['a link macro trims its target', '{{Glossary(" SPA ", "apps [x]")}}', '[apps \\[x\\]](/SPA)'],
    ['shortcodes written tight or loose', '{{<note>}}a{{< /note >}}{{%x%}}', 'a'],
    ['every small digit and sign', '<sub>0123456789+-=()</sub><sup>0123456789+-=()ni</sup>', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'],
    ['a script with spaces around it', 'x<sub> 2 </sub>', 'x₂'],
    ['an empty script', 'x<sub></sub>y', 'xy'],
    ['an anchor to an empty address keeps its text', '<a href="">tekst</a>', 'tekst'],
    ['a script address is no link', '<a href="javascript:alert(1)">klik</a>', 'klik'],
    ['a blob address is no link', `<a href="${'QUJD'.repeat(20)}">x</a>`, 'x'],
    ['an anchor around a tag', '<a href="/x"><b>fed</b></a>', '[fed](/x)'],
    ['an anchor without text', '<a href="/x"></a>y', 'y'],
    ['an anchor closed with a space', "<a href='/x' >y</a >", '[y](/x)'],
    ['an address with a space and parentheses', '<a href="/a (b)">c</a>', '[c](/a%20%28b%29)'],
    ['an image without alt', '<img src="x.png">', '[image]'],
    ['an image alt trimmed', '<img alt=" Balance " src=x>', '[image: Balance]'],
    ['a summary with attributes', '<summary class="x">Hvorfor?</summary >', '**Hvorfor?**'],
    ['an empty summary', '<summary> </summary>', ''],
    ['the artefact indented, in two wrappers', '  <div><h5><a href="#">TTT</a></h5></div>Kilde', 'Kilde'],
    ['a link that is not an artefact stays', '<h5><a href="/x">X</a></h5>', '[X](/x)'],
    ['space before punctuation after a removal', 'Gammel kode {{deprecated_inline}}.', 'Gammel kode.'],
    ['TeX with a space', 'a = \\frac {1}{2}', 'a = (1)/(2)'],
    ['TeX text', 'x \\text{ord}', 'x ord'],
    ['TeX in a code span stays', '`\\frac{1}{2}` er', '`\\frac{1}{2}` er'],
    ['a double-backtick code span', '``a ` <b>`` <b>x</b>', '``a ` <b>`` x'],
    ['a formula exported as KaTeX', 'før <span class="katex"><annotation encoding="application/x-tex">a = b \\\\ c = d</annotation></span>', 'før a = b; c = d'],
  ])('%s', (_what, input, output) => {
    expect(cleanSiteMarkup(input)).toBe(output);
  });

  it('ends a fence only with the same character, at least as long', () => {
    expect(cleanSiteMarkup('````\n```\n<b>x</b>\n~~~~\n````\n<b>y</b>')).toBe('````\n```\n<b>x</b>\n~~~~\n````\ny');
  });

  it('hides a comment or script over lines, and cleans what follows it', () => {
    expect(cleanSiteMarkup('a <!-- b\nc\nd --> <b>e</b>\nf')).toBe('a \n\n <b>e</b>'.replace(' <b>e</b>', ' e') + '\nf');
    expect(cleanSiteMarkup('<script>\nalert(1)\n</script>{{x("y")}}\nz')).toBe('\n\ny\nz');
    expect(cleanSiteMarkup('<style>\np {}\n</style>\nz')).toBe('\n\n\nz');
    // The rest of the line that ends a comment is kept as written, code and all (a `<!--` in code there hid the rest).
    expect(cleanSiteMarkup('a <!-- b\nc --> `ls  -l` `<!--` [e](/e)\nf')).toBe('a \n `ls  -l` `<!--` [e](/e)\nf');
  });
});

describe('firstSentence, case by case', () => {
  it.each([
    ['skips tables, quotes, HTML, rules and images', '| a |\n> citat\n<div>\n---\n[image: x]\nSvar.', 'Svar.'],
    ['a numbered item with a parenthesis', '1) Første punkt.', 'Første punkt.'],
    ['escapes and bold', 'En \\*stjerne\\* og __fed__ tekst.', 'En *stjerne* og fed tekst.'],
    ['an image in the text becomes its alt', 'Se ![kurven](x.png) her. Mere.', 'Se kurven her.'],
    ['a line break is a space', 'En<br>to.', 'En to.'],
    ['a single letter does not end it', 'Skrevet af A. Hansen i går. Mere.', 'Skrevet af A. Hansen i går.'],
    ['a question ends it', 'Hvad er en aktie? Det er.', 'Hvad er en aktie?'],
    ['a small letter after does not', 'ca. beløb. Mere.', 'ca. beløb.'],
    ['a quote after ends it', 'Det er slut. "Ny" sætning.', 'Det er slut.'],
  ])('%s', (_what, body, sentence) => {
    expect(firstSentence(body)).toBe(sentence);
  });

  it('reads at most 2,000 characters of a paragraph', () => {
    expect(firstSentence(`${'a'.repeat(1990)} ${'b'.repeat(50)}. Slut.`, 5000)).toBe(`${'a'.repeat(1990)} ${'b'.repeat(9)}`);
  });

  it('the limit counts the ellipsis', () => {
    expect(firstSentence('abc defgh ijk.', 10)).toBe('abc…');
    expect(firstSentence('abc defgh.', 10)).toBe('abc defgh.');
  });
});

describe('language names and codes', () => {
  it('every English name maps to a language code', () => {
    for (const [name, code] of Object.entries(LANGUAGE_NAMES)) expect(languageCode(code), name).toBe(code);
    expect(Object.keys(LANGUAGE_NAMES).length).toBeGreaterThan(50);
  });
  it.each(['aa', 'bn', 'fa', 'kr', 'pl', 'ur', 'zu'])('knows %s', (code) => {
    expect(languageCode(code)).toBe(code);
  });
  it.each([
    [{ LC_ALL: ' ', LANG: 'da_DK' }, ['da-dk', 'da']],
    [{ LANG: ' da_DK.UTF-8 ' }, ['da-dk', 'da']],
    [{ LANG: 'dan' }, []],
    [{ LANG: 'xx_YY' }, []],
  ])('the locale %j is %j', (env, langs) => {
    expect(localeLanguages(env)).toEqual(langs);
  });
});

describe('listSources: linked folders', () => {
  it('names a linked folder below a language folder and does not follow it (no loops, no copies)', async () => {
    const { symlinkSync } = await import('node:fs');
    const dir = tempDir();
    const outside = tempDir();
    mkdirSync(join(dir, 'arkiv'));
    writeFileSync(join(dir, 'arkiv', 'aktie.md'), '# Aktie\n');
    writeFileSync(join(outside, 'hemmelig.md'), '# Hemmelig\n');
    symlinkSync(dir, join(dir, 'arkiv', 'loop'));
    symlinkSync(outside, join(dir, 'ude'));
    const listing = listSources([dir]);
    expect(listing.entries.map((e) => e.id)).toEqual(['arkiv/aktie']);
    expect(listing.skipped).toEqual([
      { file: join(dir, 'arkiv', 'loop'), reason: 'symbolic link to a folder: not followed' },
      { file: join(dir, 'ude'), reason: 'symbolic link to a folder: not followed' },
    ]);
  });
});

describe('after the review', () => {
  it.each([
    ['unknown tags are text', 'Brug List<String> og x<y>z', 'Brug List\\<String> og x\\<y>z'],
    ['an expression in braces is text', 'a {{ expression }} b', 'a {{ expression }} b'],
    ['French keeps its space before ! ? : ;', 'Oui {{badge}} ! Non {{x}} ?', 'Oui ! Non ?'],
    ['a TeX line is cleaned too, and keeps its list marker', '  - {{Glossary("Beta")}} = \\frac{1}{2} <b>x</b>', '  - [Beta](/Beta) = (1)/(2) x'],
    ['ref and relref give the address', '[beta]({{< ref "beta.md" >}}) og [gamma]({{< relref "/gamma" >}})', '[beta](beta.md) og [gamma](/gamma)'],
    ['a Docusaurus admonition', ':::tip Husk', '**Husk**'],
    ['its end', ':::', ''],
    ['an MkDocs admonition', '!!! warning "Pas på"', '**Pas på**'],
    ['one without a title', '!!! note', ''],
  ])('%s', (_what, input, output) => {
    expect(cleanSiteMarkup(input)).toBe(output);
  });

  it('leaves indented code as written, but not a list item continued', () => {
    expect(cleanSiteMarkup('Tekst\n\n    <div>{{x}}</div>\n    \\frac{a}{b}\n\nmere <i>x</i>')).toBe('Tekst\n\n    <div>{{x}}</div>\n    \\frac{a}{b}\n\nmere x');
    expect(cleanSiteMarkup('- punkt\n\n    fortsat <b>x</b>')).toBe('- punkt\n\n    fortsat x');
    expect(cleanSiteMarkup('Tekst\n    <b>fortsat</b>')).toBe('Tekst\n    fortsat');
  });

  it('stays linear where a removal leaves a long run of spaces, and over many comments', () => {
    const started = Date.now();
    cleanSiteMarkup(`Tekst <b>${' '.repeat(400_000)}`);
    cleanSiteMarkup('<!---->'.repeat(200_000));
    cleanSiteMarkup('x<!--'.repeat(200_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('the first sentence reads links with parentheses, autolinks, struck and referenced text', () => {
    expect(firstSentence('A [closure](https://en.wikipedia.org/wiki/Closure_(computer_programming)) keeps its scope. More.')).toBe('A closure keeps its scope.');
    expect(firstSentence('See <https://example.org> and ~~old~~ new [text][1] here.')).toBe('See https://example.org and old new text here.');
  });
});

describe('macro addresses', () => {
  it('a link macro to a term with parentheses stays one link', () => {
    expect(cleanSiteMarkup('{{Glossary("Closure (x)", "c")}}')).toBe('[c](/Closure_%28x%29)');
  });
});

describe('damaged exports', () => {
  it('a tag with attributes or a closing tag is markup whatever its name; MathML goes', () => {
    expect(cleanSiteMarkup('> <range class="x"><math><semantics><mrow><mi>a</mi></mrow></semantics></math></range> b')).toBe('> a b');
    expect(cleanSiteMarkup('Map<K> og </foo>slut')).toBe('Map\\<K> og slut');
  });
  it('TeX that a translation damaged: \\tekst, \\begin{ aligned}', () => {
    expect(cleanSiteMarkup('<span class="katex"><annotation encoding="application/x-tex">\\begin{ aligned} t = \\tekst{tid} \\end{aligned}</annotation></span>')).toBe('t = tid');
  });
  it('a formula whose \\t became a tab reads as written', () => {
    expect(cleanSiteMarkup('<span class="katex"><annotation encoding="application/x-tex">\text{Brutto} = \text{Omsætning}</annotation></span>')).toBe('Brutto = Omsætning');
  });
});

describe('inlineLinks', () => {
  it('wikilinks as inline links from the folder root; embeds as their text or nothing; code as written', () => {
    expect(inlineLinks('Se [[Arbejdskapital]] og [[Noter/Debitorer#Kredittid|kredittiden]].')).toBe('Se [Arbejdskapital](Arbejdskapital) og [kredittiden](/Noter/Debitorer#Kredittid).');
    expect(inlineLinks('[[Likvide midler|de likvide midler]]')).toBe('[de likvide midler](Likvide%20midler)');
    expect(inlineLinks('![[graf.png]] ![[Note]] [[]]')).toBe(' Note ');
    expect(inlineLinks('```\n[[Ikke]]\n```\n\n    [[Heller ikke]]\n')).toBe('```\n[[Ikke]]\n```\n\n    [[Heller ikke]]\n');
  });
  it('leaves code spans, footnotes and escaped brackets as written; encodes parentheses; reads a table\'s \\| (from a review)', () => {
    expect(inlineLinks('Kør `[[ -f fil ]]` og se [[Aktie (finans)]].')).toBe('Kør `[[ -f fil ]]` og se [Aktie (finans)](Aktie%20%28finans%29).');
    expect(inlineLinks('| [[obligation\\|obl.]] |')).toBe('| [obl.](obligation) |');
    expect(inlineLinks('Se [x][y] og `[x][y]`.\n\n[y]: /y\n')).toBe('Se [x](/y) og `[x][y]`.\n\n[y]: /y\n');
    expect(inlineLinks('Fodnote[^1].\n\n[^1]: Kilde.\n')).toBe('Fodnote[^1].\n\n[^1]: Kilde.\n');
    // A run of escaped brackets is linear (it was quadratic: 22 s for 320 KB).
    const run = '[r]: b.md\n\n' + '\\['.repeat(200_000) + '\n';
    const started = Date.now();
    expect(inlineLinks(run)).toBe(run);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reference-style links as inline links, by a label in any case; a definition left as it is; no definition, no link', () => {
    const text = 'Se [likviditet][likv], [Arbejdskapital][] og [gæld].\n\n[LIKV]: ../a/likviditet.md "titel"\n[arbejdskapital]: </x>\n';
    expect(inlineLinks(text).split('\n')[0]).toBe('Se [likviditet](../a/likviditet.md), [Arbejdskapital](/x) og [gæld].');
    expect(inlineLinks('[a](b) [c]: d')).toBe('[a](b) [c]: d');
  });
});
