import { ResourceKind, ResourceStatus } from '@tisserand/core';

export const RESOURCE_KINDS = ResourceKind.options;
export const RESOURCE_STATUSES = ResourceStatus.options;
export type ResourceStatusValue = (typeof RESOURCE_STATUSES)[number];

/** The path a resource follows; `declined` ends it early. */
export const STATUS_STEPS = [
  'identified',
  'contacted',
  'applied',
  'obtained',
] as const satisfies readonly ResourceStatusValue[];

export const RESOURCE_STATUS_COLOR: Record<ResourceStatusValue, string> = {
  identified: 'gray',
  contacted: 'blue',
  applied: 'indigo',
  obtained: 'teal',
  declined: 'red',
};
