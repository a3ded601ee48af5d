// Bytes of an article file -> its text, the one way: parsing and reading a record's source from
// its file (records of a --content corpus do not keep a copy) must agree to the character.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's text with a BOM dropped, line ends made `\n` and composed characters (NFC: macOS
 * writes `å` as a + ring), so that what is typed matches what is written; throws on invalid UTF-8.
 */
export function decodeSource(bytes: Uint8Array): string {
  return utf8.decode(bytes).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
