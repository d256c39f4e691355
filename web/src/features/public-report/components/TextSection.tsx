import { Typography } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';
import Markdown, { type Components } from 'react-markdown';
import classes from '../PublicReport.module.css';

type HeadingProps = ComponentPropsWithoutRef<'h1'> & { node?: unknown };

// The report's title is the h1 and the sections' titles h2: a text's `#` and `##` are section titles
// too (h2), deeper ones keep their level, so that the outline stays right (one lower in a preview).
const PAGE: Components = {
  h1: ({ node: _node, ...props }: HeadingProps) => <h2 {...props} />,
};
const PREVIEW: Components = {
  h1: ({ node: _node, ...props }: HeadingProps) => <h3 {...props} />,
  h2: ({ node: _node, ...props }: HeadingProps) => <h3 {...props} />,
  h3: ({ node: _node, ...props }: HeadingProps) => <h4 {...props} />,
  h4: ({ node: _node, ...props }: HeadingProps) => <h5 {...props} />,
  h5: ({ node: _node, ...props }: HeadingProps) => <h6 {...props} />,
};

/**
 * A text of the report, in Markdown. react-markdown builds React elements from the Markdown itself:
 * raw HTML in the text is never injected, and unsafe link protocols (javascript:) are dropped.
 */
export function TextSection({ markdown, preview }: { markdown: string; preview: boolean }) {
  return (
    <section className={classes.section} data-testid="report-text">
      <Typography className={classes.markdown}>
        <Markdown components={preview ? PREVIEW : PAGE}>{markdown}</Markdown>
      </Typography>
    </section>
  );
}
