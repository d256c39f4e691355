/**
 * The Markdown of a report's text sections as pdfmake content. Built from `marked`'s tokens, never
 * from HTML: raw HTML is dropped (its text kept), images are named but never fetched, and a link
 * prints its address beside its text so that a paper copy keeps it.
 */
import { frenchTypographyPieces, type VerbatimPiece } from '@tisserand/core/text/typography';
import { marked, type Token, type Tokens } from 'marked';
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import type { ReportLocale } from './report-charts';

const LINK_COLOR = '#1c5d99';
const MUTED_COLOR = '#666666';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  link?: string;
}

/** One run of text with its marks; verbatim runs (code, addresses) escape typography. */
interface Leaf {
  text: string;
  marks: Marks;
  verbatim?: 'code' | 'address';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the HTML entities people type in Markdown (`&amp;`, `&#233;`); unknown ones stay as typed. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Only these addresses become clickable in the PDF; any other (javascript:, data:, file:) is printed, not linked. */
function safeHref(href: string): string | undefined {
  return /^(?:https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

/** The text a reader sees in an inline token tree, for comparing a link's text with its address. */
function plain(leaves: readonly Leaf[]): string {
  return leaves.map((l) => l.text).join('');
}

function inlineLeaves(tokens: readonly Token[] | undefined, marks: Marks): Leaf[] {
  const out: Leaf[] = [];
  let skipping = false;
  for (const token of tokens ?? []) {
    if (token.type === 'html') {
      // Tags are dropped; the text between them stays, except the code of a script or a style sheet.
      const tag = (token as Tokens.HTML).text;
      if (/^<(script|style)\b/i.test(tag)) skipping = true;
      else if (/^<\/(script|style)\s*>/i.test(tag)) skipping = false;
      else if (/^<br\s*\/?>$/i.test(tag)) out.push({ text: '\n', marks });
      continue;
    }
    if (skipping) continue;
    switch (token.type) {
      case 'strong':
        out.push(...inlineLeaves((token as Tokens.Strong).tokens, { ...marks, bold: true }));
        break;
      case 'em':
        out.push(...inlineLeaves((token as Tokens.Em).tokens, { ...marks, italics: true }));
        break;
      case 'del':
        out.push(...inlineLeaves((token as Tokens.Del).tokens, { ...marks, strike: true }));
        break;
      case 'codespan':
        out.push({ text: (token as Tokens.Codespan).text, marks, verbatim: 'code' });
        break;
      case 'br':
        out.push({ text: '\n', marks });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const inner = inlineLeaves(link.tokens, href ? { ...marks, link: href } : marks);
        out.push(...inner);
        const shown = plain(inner).trim();
        const address = link.href.replace(/^mailto:/i, '');
        if (address !== '' && shown !== address && shown !== link.href) {
          out.push({ text: ` (${address})`, marks: { ...marks, link: href }, verbatim: 'address' });
        }
        break;
      }
      case 'image': {
        // Images are never fetched: their description stands in for them.
        const alt = (token as Tokens.Image).text.trim();
        if (alt) out.push({ text: `[${decodeEntities(alt)}]`, marks: { ...marks, italics: true } });
        break;
      }
      case 'checkbox':
        out.push({ text: (token as Tokens.Checkbox).checked ? '[x] ' : '[ ] ', marks });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) out.push(...inlineLeaves(text.tokens, marks));
        else out.push({ text: decodeEntities(text.text), marks });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string')
          out.push({ text: decodeEntities(token.text), marks });
    }
  }
  return out;
}

/** pdfmake text runs for inline tokens, with French typography across the runs of a paragraph. */
function inlineContent(tokens: readonly Token[] | undefined, locale: ReportLocale): ContentText[] {
  const leaves = inlineLeaves(tokens, {});
  const texts =
    locale === 'fr'
      ? frenchTypographyPieces(
          leaves.map((l): string | VerbatimPiece => (l.verbatim ? { verbatim: l.text } : l.text)),
        )
      : leaves.map((l) => l.text);
  return leaves.map((leaf, i) => {
    const run: ContentText = { text: texts[i] ?? leaf.text };
    if (leaf.marks.bold) run.bold = true;
    if (leaf.marks.italics) run.italics = true;
    if (leaf.marks.strike) run.decoration = 'lineThrough';
    if (leaf.marks.link) run.link = leaf.marks.link;
    if (leaf.marks.link && leaf.verbatim !== 'address') run.color = LINK_COLOR;
    if (leaf.verbatim === 'address') {
      run.color = MUTED_COLOR;
      run.fontSize = 8;
    }
    if (leaf.verbatim === 'code') run.background = '#eef0f2';
    return run;
  });
}

const HEADING_STYLES = ['h2', 'h3', 'h4'] as const;

interface BlockCtx {
  locale: ReportLocale;
  width: number;
}

function blocks(tokens: readonly Token[], ctx: BlockCtx): Content[] {
  const { locale } = ctx;
  const out: Content[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        out.push({
          text: inlineContent(heading.tokens, locale),
          style: HEADING_STYLES[Math.min(heading.depth, 3) - 1] ?? 'h4',
          headlineLevel: heading.depth,
        });
        break;
      }
      case 'paragraph':
        out.push({ text: inlineContent((token as Tokens.Paragraph).tokens, locale), style: 'paragraph' });
        break;
      case 'text': {
        // Block text: an item of a tight list.
        const text = token as Tokens.Text;
        out.push({ text: inlineContent(text.tokens ?? [{ ...text, tokens: undefined }], locale) });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item): Content => {
          // A task item starts with its box, printed in characters every font has. In a loose list the
          // box already opens the paragraph (the inline case); in a tight one it is a block of its own,
          // moved here into the item's first line.
          const box = item.tokens.find((t): t is Tokens.Checkbox => t.type === 'checkbox');
          const tokens = item.tokens.filter((t) => t.type !== 'checkbox');
          const lead = tokens[0];
          if (box && lead && (lead.type === 'text' || lead.type === 'paragraph')) {
            tokens[0] = { ...lead, tokens: [box, ...(lead.tokens ?? [])] } as Token;
          }
          const content = blocks(tokens, ctx);
          return content.length === 1 && content[0] !== undefined ? content[0] : { stack: content };
        });
        if (list.ordered) {
          const start = typeof list.start === 'number' ? list.start : 1;
          out.push({ ol: items, start, style: 'list' });
        } else {
          out.push({ ul: items, style: 'list' });
        }
        break;
      }
      case 'blockquote':
        out.push({ stack: blocks((token as Tokens.Blockquote).tokens, ctx), style: 'quote' });
        break;
      case 'code':
        out.push({
          table: {
            widths: ['*'],
            body: [
              [{ text: (token as Tokens.Code).text, preserveLeadingSpaces: true, fillColor: '#f3f4f6' }],
            ],
          },
          layout: 'noBorders',
          style: 'code',
        });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const cell = (c: Tokens.TableCell, header: boolean): TableCell => ({
          text: inlineContent(c.tokens, locale),
          bold: header,
          alignment: c.align ?? 'left',
        });
        out.push({
          table: {
            headerRows: 1,
            body: [
              table.header.map((c) => cell(c, true)),
              ...table.rows.map((r) => r.map((c) => cell(c, false))),
            ],
          },
          layout: 'lightHorizontalLines',
          style: 'table',
        });
        break;
      }
      case 'hr':
        out.push({
          canvas: [
            { type: 'line', x1: 0, y1: 0, x2: ctx.width, y2: 0, lineWidth: 0.5, lineColor: '#999999' },
          ],
          margin: [0, 6, 0, 10],
        });
        break;
      case 'html': {
        // Raw HTML never reaches the PDF: its text is kept as a paragraph, scripts and styles dropped.
        const text = decodeEntities(
          (token as Tokens.HTML).text
            .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
            .replace(/<[^>]*>/g, ''),
        ).trim();
        if (text) out.push({ text, style: 'paragraph' });
        break;
      }
      default:
        // space, def and unknown extensions print nothing.
        break;
    }
  }
  return out;
}

/** The pdfmake content of a Markdown text, typeset in French for a French report; `width` is the line's for rules. */
export function markdownToPdf(markdown: string, locale: ReportLocale, width = 495): Content[] {
  return blocks(marked.lexer(markdown, { gfm: true }), { locale, width });
}
