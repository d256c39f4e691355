import { Typography } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import Markdown, { type Components } from 'react-markdown';

type HeadingProps = ComponentPropsWithoutRef<'h1'> & { node?: unknown };

// In the builder the page has its h1, "Sections" is an h2 and each section an h3: the text's own
// headings start at h4 so that the outline stays right.
const COMPONENTS: Components = {
  h1: ({ node: _node, ...props }: HeadingProps) => <h4 {...props} />,
  h2: ({ node: _node, ...props }: HeadingProps) => <h5 {...props} />,
  h3: ({ node: _node, ...props }: HeadingProps) => <h6 {...props} />,
  h4: ({ node: _node, ...props }: HeadingProps) => <h6 {...props} />,
  h5: ({ node: _node, ...props }: HeadingProps) => <h6 {...props} />,
};

/**
 * A text section rendered from its Markdown, as the public report renders it. react-markdown builds
 * React elements from the Markdown itself: raw HTML shows as text, never injected, and unsafe link
 * protocols (javascript:) are dropped.
 */
export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <Typography>
      <Markdown components={COMPONENTS}>{markdown}</Markdown>
    </Typography>
  );
}
