import { Typography } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import Markdown, { type Components } from 'react-markdown';

type HeadingProps = ComponentPropsWithoutRef<'h1'> & { node?: unknown };

// The page has its own h1 and h2: the terms' headings start at h3, so the outline stays right.
const COMPONENTS: Components = {
  h1: ({ node: _node, ...props }: HeadingProps) => <h3 {...props} />,
  h2: ({ node: _node, ...props }: HeadingProps) => <h4 {...props} />,
  h3: ({ node: _node, ...props }: HeadingProps) => <h5 {...props} />,
  h4: ({ node: _node, ...props }: HeadingProps) => <h6 {...props} />,
};

/**
 * An agreement's terms, written in Markdown. react-markdown builds React elements from the
 * Markdown itself: raw HTML in the text is shown as text, never injected, and unsafe link
 * protocols (javascript:) are dropped.
 */
export function Terms({ markdown }: { markdown: string }) {
  return (
    <Typography data-testid="agreement-terms">
      <Markdown components={COMPONENTS}>{markdown}</Markdown>
    </Typography>
  );
}
