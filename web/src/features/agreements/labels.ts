import { type Agreement, AgreementStatus } from '@tisserand/core';

/** Every status, in the order of an agreement's life (draft → negotiation → signed → expired / terminated). */
export const AGREEMENT_STATUSES = AgreementStatus.options;

export const AGREEMENT_STATUS_COLOR: Record<Agreement['status'], string> = {
  draft: 'gray',
  negotiation: 'blue',
  signed: 'teal',
  expired: 'orange',
  terminated: 'dark',
};

/** The order agreements are listed in: those being negotiated first, then signed, drafts, ended. */
export const AGREEMENT_STATUS_ORDER: readonly Agreement['status'][] = [
  'negotiation',
  'signed',
  'draft',
  'expired',
  'terminated',
];

/** Days before expiry from which an agreement is flagged for renewal. */
export const RENEWAL_NOTICE_DAYS = 60;

/** Whole days from today to a `YYYY-MM-DD` date (negative once past). */
export function daysUntil(date: string, now = new Date()): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - today) / 86_400_000);
}

/** Whether a signed agreement is close to its expiry date (its renewal is due). */
export function renewalDue(agreement: Agreement, now = new Date()): boolean {
  if (agreement.status !== 'signed' || !agreement.expiresOn) return false;
  const days = daysUntil(agreement.expiresOn, now);
  return days >= 0 && days <= RENEWAL_NOTICE_DAYS;
}
