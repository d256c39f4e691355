/**
 * French typography for texts people typed (report titles, summaries, Markdown text): the spaces of
 * French punctuation, guillemets, apostrophes and ellipses, as printed documents expect them.
 *
 * The spaces are U+00A0 no-break spaces rather than the narrow U+202F the Imprimerie nationale
 * prefers: the fonts the reports are printed with (Roboto, as shipped with pdfmake) have no glyph for
 * U+202F, and a missing glyph prints as a box.
 */

const NBSP = '\u00a0';

/** Spaces a writer may have typed around punctuation, or that an earlier pass put there. */
const SPACES = '[ \\t\\u00a0\\u202f]*';

/**
 * Stretches left exactly as typed: web and e-mail addresses (a `:` or `?` inside them is not
 * punctuation), and the placeholder character itself so that restoring stays in step.
 */
const VERBATIM =
  /(?:\b(?:https?|ftp):\/\/|\bwww\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\uE000/giu;
const PLACEHOLDER = '\uE000';

/** Joins the pieces of one text; never typed by people, treated as part of the word it touches. */
const JOIN = '\uE001';

// A `"` may open a quotation after these (or at the start), and may close one before these (or at the end).
const OPENS_AFTER = /[\s([{«—–/-]/u;
const CLOSES_BEFORE = /[\s)\]}».,;:!?…]/u;

/** Turn straight double quotes into « » with their no-break spaces, deciding each by what surrounds it. */
function guillemets(text: string): string {
  let out = '';
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c !== '"') {
      out += c;
      continue;
    }
    // Piece joins are invisible: look past them to the characters a reader sees.
    const before = out.replace(/\uE001+$/u, '').slice(-1);
    const after = text
      .slice(i + 1)
      .replace(/^\uE001+/u, '')
      .charAt(0);
    const canOpen = before === '' || OPENS_AFTER.test(before);
    const canClose = !canOpen || after === '' || CLOSES_BEFORE.test(after);
    // A quote that could do either (`" mot "`) does what the one before it did not.
    open = canOpen && (!canClose || !open);
    if (open) {
      out += `«${NBSP}`;
      while (/[ \t\u00a0\u202f]/u.test(text.charAt(i + 1))) i++;
    } else {
      out = `${out.replace(/[ \t\u00a0\u202f]+$/u, '')}${NBSP}»`;
    }
  }
  return out;
}

function typeset(text: string): string {
  return (
    guillemets(text.replace(/\.\.\./g, '…').replace(/'/g, '’'))
      .replace(new RegExp(`«${SPACES}(?=\\S)`, 'gu'), `«${NBSP}`)
      .replace(new RegExp(`(?<=\\S)${SPACES}»`, 'gu'), `${NBSP}»`)
      // `?!` takes one space before the pair; a mark that starts a line or follows an opening bracket takes none.
      .replace(
        new RegExp(`(?<=[^\\s!?;:([«])${SPACES}([!?]+|;)(?=[\\s»)\\].,…’\\uE001]|$)`, 'gu'),
        `${NBSP}$1`,
      )
      // A colon is punctuation only when a space or the end follows it: 10:30, 1:2 and :) stay as they are.
      .replace(new RegExp(`(?<=[^\\s!?;:([«])${SPACES}:(?=\\s|\\uE001|$)`, 'gu'), `${NBSP}:`)
  );
}

/** A piece of running text printed exactly as it is (a code span, an address) that still separates words. */
export interface VerbatimPiece {
  verbatim: string;
}

/**
 * French typography for several pieces of one running text (e.g. the plain, bold and linked parts of
 * a paragraph), typeset as one text so that `**Note** : voir` gets its space before the colon even
 * though the colon starts a piece. Verbatim pieces come back unchanged. Returns as many pieces, in order.
 */
export function frenchTypographyPieces(pieces: readonly (string | VerbatimPiece)[]): string[] {
  const verbatim: string[] = [];
  const masked = pieces
    // A verbatim piece stands as the placeholder, so the rules see a word there and never change it.
    .map((p) => (typeof p === 'string' ? p.replaceAll(JOIN, '') : PLACEHOLDER))
    .join(JOIN)
    .replace(VERBATIM, (m) => {
      verbatim.push(m);
      return PLACEHOLDER;
    });
  let k = 0;
  const parts = typeset(masked)
    .replace(/\uE000/gu, () => verbatim[k++] ?? '')
    .split(JOIN);
  return pieces.map((p, i) => (typeof p === 'string' ? (parts[i] ?? '') : p.verbatim));
}

/**
 * French typography for a text: a no-break space before `: ; ! ?` and `»` and after `«`, straight
 * double quotes turned into « » pairs, straight apostrophes into ’, `...` into …. Addresses (URLs,
 * e-mails), times like 10:30 and numbers are left alone; applying it twice changes nothing more.
 */
export function frenchTypography(text: string): string {
  return frenchTypographyPieces([text]).join('');
}
