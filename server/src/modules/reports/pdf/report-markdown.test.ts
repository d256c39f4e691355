import type { Content, ContentText } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { decodeEntities, markdownToPdf } from './report-markdown';

/** The text runs of a paragraph node, with the marks that matter here. */
function runs(
  node: Content | undefined,
): { text: string; bold?: boolean; italics?: boolean; link?: string }[] {
  if (
    !node ||
    typeof node !== 'object' ||
    Array.isArray(node) ||
    !('text' in node) ||
    !Array.isArray(node.text)
  )
    return [];
  return node.text.map((r) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r) || !('text' in r)) return { text: String(r) };
    // markdownToPdf writes paragraphs as arrays of text runs only.
    const run = r as ContentText;
    return { text: String(run.text), bold: run.bold, italics: run.italics, link: run.link };
  });
}
const joined = (node: Content | undefined) =>
  runs(node)
    .map((r) => r.text)
    .join('');

describe('markdownToPdf', () => {
  it('maps headings, paragraphs and emphasis', () => {
    const [h, p] = markdownToPdf('## Bilan\n\nUn **bon** *début*', 'en');
    expect(h).toMatchObject({ style: 'h3', headlineLevel: 2 });
    expect(joined(h)).toBe('Bilan');
    expect(runs(p)).toEqual([
      { text: 'Un ' },
      { text: 'bon', bold: true },
      { text: ' ' },
      { text: 'début', italics: true },
    ]);
  });

  it('keeps list kinds and the first number of an ordered list', () => {
    const [ul, ol] = markdownToPdf('- a\n- b\n\n7. sept\n8. huit', 'en');
    expect(ul).toMatchObject({ ul: [expect.anything(), expect.anything()] });
    expect(ol).toMatchObject({ start: 7 });
    expect(ol && typeof ol === 'object' && 'ol' in ol ? ol.ol : []).toHaveLength(2);
  });

  it('prints the box of a task item, in tight and loose lists alike', () => {
    for (const md of ['- [ ] a\n- [x] b', '- [ ] a\n\n- [x] b']) {
      const [list] = markdownToPdf(md, 'en');
      const items = (list && typeof list === 'object' && 'ul' in list ? list.ul : undefined) ?? [];
      expect(items.map((i) => joined(i as Content))).toEqual(['[ ] a', '[x] b']);
    }
  });

  it('prints a link with its address and only links safe schemes', () => {
    const [p] = markdownToPdf('[site](https://ex.fr) et [piège](javascript:alert(1))', 'en');
    expect(joined(p)).toBe('site (https://ex.fr) et piège (javascript:alert(1))');
    expect(
      runs(p)
        .filter((r) => r.link)
        .map((r) => r.link),
    ).toEqual(['https://ex.fr', 'https://ex.fr']);
  });

  it('prints an address written as the link text once', () => {
    expect(joined(markdownToPdf('<https://ex.fr> et <contact@ferme.fr>', 'en')[0])).toBe(
      'https://ex.fr et contact@ferme.fr',
    );
  });

  it('drops raw HTML and scripts, keeping the text between tags', () => {
    const content = markdownToPdf(
      '<div onclick="x()">Bloc</div>\n\nun <i>mot</i><script>alert(1)</script>',
      'en',
    );
    expect(JSON.stringify(content)).not.toMatch(/<|alert|onclick/);
    expect(content[0]).toMatchObject({ text: 'Bloc' });
    expect(joined(content[1])).toBe('un mot');
  });

  it('names an image without fetching it', () => {
    const [p] = markdownToPdf('![Carte de la région](https://example.invalid/carte.png)', 'en');
    expect(joined(p)).toBe('[Carte de la région]');
    expect(JSON.stringify(p)).not.toContain('example.invalid');
  });

  it('typesets French across runs but never inside code', () => {
    const [p] = markdownToPdf("**Note**: voir `a:b'c` !", 'fr');
    expect(runs(p).map((r) => r.text)).toEqual(['Note', '\u00a0: voir ', "a:b'c", '\u00a0!']);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric entities, leaving unknown ones', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#233;t&#xE9; &nbsp;&foo;')).toBe('a & b <c> été \u00a0&foo;');
  });
});
