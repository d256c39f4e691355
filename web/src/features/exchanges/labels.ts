import {
  IconArrowsJoin,
  IconCar,
  IconDots,
  IconMail,
  IconPhone,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react';
import { InteractionKind } from '@tisserand/core';

export type InteractionKindValue = (typeof INTERACTION_KINDS)[number];
export const INTERACTION_KINDS = InteractionKind.options;

/** Each kind's icon and colour; the kind's word is always shown beside them. */
export const KIND_LOOK: Record<InteractionKindValue, { icon: TablerIcon; color: string }> = {
  meeting: { icon: IconUsers, color: 'teal' },
  call: { icon: IconPhone, color: 'blue' },
  email: { icon: IconMail, color: 'indigo' },
  visit: { icon: IconCar, color: 'orange' },
  introduction: { icon: IconArrowsJoin, color: 'grape' },
  other: { icon: IconDots, color: 'gray' },
};
