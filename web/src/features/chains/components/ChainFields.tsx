import { NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { CAPITAL_FRAMEWORKS, type CapitalFramework, type Chain } from '@tisserand/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What the chain form edits; empty texts mean "not given". */
export interface ChainFormValues extends Record<string, unknown> {
  name: string;
  region: string;
  description: string;
  marketOpportunity: string;
  capitalFramework: CapitalFramework;
  publicMinGroupSize: number | string;
}

export const EMPTY_CHAIN: ChainFormValues = {
  name: '',
  region: '',
  description: '',
  marketOpportunity: '',
  capitalFramework: 'permacomptable',
  publicMinGroupSize: 3,
};

/** The form values of an existing chain. */
export function chainToValues(chain: Chain): ChainFormValues {
  return {
    name: chain.name,
    region: chain.region,
    description: chain.description ?? '',
    marketOpportunity: chain.marketOpportunity ?? '',
    capitalFramework: chain.capitalFramework,
    publicMinGroupSize: chain.publicMinGroupSize,
  };
}

/** Client-side checks mirroring the contract (ChainCreate), with messages in the interface language. */
export function chainValidation(t: TFunction) {
  return {
    name: (value: string) => (value.trim() ? null : t('errors.required')),
    region: (value: string) => (value.trim() ? null : t('errors.required')),
    publicMinGroupSize: (value: number | string) =>
      typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100
        ? null
        : t('errors.integerRange', { min: 1, max: 100 }),
  };
}

function isFramework(value: string | null): value is CapitalFramework {
  return CAPITAL_FRAMEWORKS.some((f) => f === value);
}

/** The fields of a chain, shared by the creation form and the settings page. */
export function ChainFields({ form }: { form: UseFormReturnType<ChainFormValues> }) {
  const { t } = useTranslation();
  const framework = form.getInputProps('capitalFramework');
  return (
    <Stack gap="sm">
      <TextInput
        label={t('chains.fields.name')}
        placeholder={t('chains.fields.namePlaceholder')}
        required
        maxLength={200}
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('chains.fields.region')}
        placeholder={t('chains.fields.regionPlaceholder')}
        required
        maxLength={200}
        {...form.getInputProps('region')}
      />
      <Textarea
        label={t('chains.fields.description')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('description')}
      />
      <Textarea
        label={t('chains.fields.marketOpportunity')}
        description={t('chains.fields.marketOpportunityHelp')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('marketOpportunity')}
      />
      <Select
        label={t('chains.fields.capitalFramework')}
        description={t('chains.fields.capitalFrameworkHelp')}
        data={CAPITAL_FRAMEWORKS.map((key) => ({ value: key, label: t(`chains.frameworkOptions.${key}`) }))}
        allowDeselect={false}
        value={form.getValues().capitalFramework}
        error={framework.error}
        onChange={(value) => {
          if (isFramework(value)) form.setFieldValue('capitalFramework', value);
        }}
      />
      <NumberInput
        label={t('chains.fields.publicMinGroupSize')}
        description={t('chains.fields.publicMinGroupSizeHelp')}
        min={1}
        max={100}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps('publicMinGroupSize')}
      />
    </Stack>
  );
}

/** Empty text → absent (creation). */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}
