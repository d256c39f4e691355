/**
 * Text normalisation shared by the rules that compare what people typed: resource names of intents
 * (offers and needs) and their units. Documented in docs/gaps.md.
 */

// Ligatures that NFD leaves whole but French writers use interchangeably with two letters (œuf / oeuf).
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Normalise a resource name or unit for matching: NFD, no diacritics, lower case, runs of other characters → one space, trimmed. */
export function normalizeResource(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Make a piece of text safe inside a gap key: keeps [a-z0-9.-], writes any other character as `_<hex code point>_`. */
export function keyPart(s: string): string {
  // Ids are UUIDs: nearly every call takes this path.
  if (/^[a-z0-9.-]*$/.test(s)) return s;
  let out = '';
  for (const c of s) {
    // Escaping rather than dropping keeps distinct names (e.g. in non-Latin scripts) distinct in keys.
    out += /[a-z0-9.-]/.test(c) ? c : `_${(c.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

/** Slug of a resource name or unit for gap keys: normalizeResource, spaces → '-', then made key-safe (keyPart). */
export function slug(s: string): string {
  return keyPart(normalizeResource(s).replace(/ /g, '-'));
}
