import { stemmer } from '@orama/stemmers/german';

/**
 * The forms in which text is indexed and searched, so that German inflections and umlaut spellings
 * meet: "Rechnungen" finds "Rechnung", "verspaetet" finds "verspätet", "Mueller" finds "Müller",
 * "Strasse" finds "Straße". Each full-text table has two columns (db/queries/search-index.ts): `words`,
 * the text with ae, oe and ue (not after q) folded to ä, ö and ü, and `stems`, each of those words'
 * Snowball German stem (which also drops umlauts and turns ß into ss). FTS5's unicode61 tokenizer then
 * splits, lower-cases and strips diacritics as before, so "verspaetet" and "verspätet" are both
 * "verspatet" in `words`.
 *
 * Whole words are looked up by stem. A word still being typed is looked up as a prefix of `words` too:
 * the stem of a prefix is no prefix of the stem ("Lieferu" stays "lieferu", "Lieferung" becomes
 * "liefer"), so stems alone would lose the match for a few keystrokes.
 *
 * A token holding a digit (an order number such as "A5934", a postcode) is left as written. English
 * words get German stems too ("invoices" and "invoice" both become "invoic"): the same on both sides, so
 * they still find each other. Both functions run inside SQLite as `search_words` and `search_stems`
 * (db/client.ts) and in the query builder (server/search/fts-query.ts).
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;

const fold = (token: string) =>
  token
    .replace(/ae/g, 'ä')
    .replace(/oe/g, 'ö')
    .replace(/(?<!q)ue/g, 'ü');

export function searchWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(TOKEN, (t) => (HAS_DIGIT.test(t) ? t : fold(t)));
}

export function searchStems(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(TOKEN, (t) => (HAS_DIGIT.test(t) ? t : stemmer(fold(t))));
}
