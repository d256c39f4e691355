import { type Idea, IdeaStatus, Severity } from '@tisserand/core';

/** The lab's columns, in order: idea → testing → adopted → abandoned. */
export const IDEA_STATUSES = IdeaStatus.options;
export const RISK_LEVELS = Severity.options;

export const IDEA_STATUS_COLOR: Record<Idea['status'], string> = {
  idea: 'violet',
  testing: 'blue',
  adopted: 'teal',
  abandoned: 'gray',
};

export const RISK_COLOR: Record<Idea['riskLevel'], string> = { low: 'teal', medium: 'yellow', high: 'red' };

/** An abandoned experiment that taught something is a result, and the lab shows it as one. */
export function isResult(idea: Idea): boolean {
  return idea.status === 'abandoned' && Boolean(idea.learnings?.trim());
}

/** A title for an idea born from a journal entry: the first words of its description. */
export function titleFromDescription(description: string, words = 8, max = 120): string {
  const all = description.trim().split(/\s+/).filter(Boolean);
  let title = all.slice(0, words).join(' ');
  let cut = all.length > words;
  if (title.length > max) {
    title = title.slice(0, max).trimEnd();
    cut = true;
  }
  return cut ? `${title.replace(/[,;:.!?…]+$/, '')}…` : title;
}
