import { ActionIcon, Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { Convening } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '../../exchanges/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** A month grid (weeks start on Monday) with each convening on its day; arrows change the month. */
export function MonthCalendar({ convenings, chainId }: { convenings: Convening[]; chainId: string }) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  // Opens on the next convening's month (or this month when none is planned).
  const [month, setMonth] = useState(() => {
    const next = convenings
      .map((c) => c.date.slice(0, 10))
      .filter((d) => d >= today)
      .sort()[0];
    return (next ?? today).slice(0, 7);
  });
  const [year = 1970, monthIndex = 1] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, monthIndex - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(year, monthIndex - 1 + delta, 1));
    setMonth(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
  };
  const monthLabel = new Intl.DateTimeFormat(i18n.language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(first);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(Date.UTC(2024, 0, 1 + i))));
  const byDay = new Map<string, Convening[]>();
  for (const c of convenings) {
    const list = byDay.get(c.date.slice(0, 10)) ?? [];
    list.push(c);
    byDay.set(c.date.slice(0, 10), list);
  }
  // Days before the 1st (blank cells) are numbered 0, -1, -2…, which keeps their keys stable.
  const cells: number[] = [
    ...Array.from({ length: lead }, (_, i) => -i),
    ...Array.from({ length: daysInMonth }, (_, i) => i + 1),
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="calendar-title">
      <Group justify="space-between" mb="sm">
        <ActionIcon
          variant="default"
          aria-label={t('convenings.calendar.previous')}
          onClick={() => shift(-1)}
        >
          <IconChevronLeft size={16} aria-hidden />
        </ActionIcon>
        <Title order={2} size="h4" id="calendar-title" tt="capitalize" aria-live="polite">
          {monthLabel}
        </Title>
        <ActionIcon variant="default" aria-label={t('convenings.calendar.next')} onClick={() => shift(1)}>
          <IconChevronRight size={16} aria-hidden />
        </ActionIcon>
      </Group>
      <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
        {weekdays.map((w) => (
          <Text key={w} size="xs" fw={700} c="dimmed" ta="center" aria-hidden>
            {w}
          </Text>
        ))}
        {cells.map((day) => {
          if (day <= 0) return <div key={`blank${day}`} />;
          const iso = `${month}-${pad(day)}`;
          const events = byDay.get(iso) ?? [];
          const isToday = iso === today;
          return (
            <Paper
              key={iso}
              withBorder
              p={4}
              mih={72}
              bg={events.length > 0 ? 'var(--mantine-color-teal-light)' : undefined}
              style={isToday ? { outline: '2px solid var(--mantine-color-teal-6)' } : undefined}
            >
              <Stack gap={2}>
                <Text size="xs" fw={isToday ? 700 : 400}>
                  {day}
                  {isToday && ` · ${t('convenings.calendar.today')}`}
                </Text>
                {events.map((c) => (
                  <Anchor
                    key={c.id}
                    component={Link}
                    to={`/chains/${chainId}/convenings/${c.id}`}
                    size="xs"
                    lineClamp={2}
                  >
                    {c.title}
                  </Anchor>
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}
