import type { ExportActor, ExportModel } from './export-model';
import { stageNamesOf } from './export-model';

type Field = string | number | boolean | string[];

export interface KumuElement {
  label: string;
  type: string;
  description?: string;
  tags: string[];
  [field: string]: Field | undefined;
}

export interface KumuConnection {
  from: string;
  to: string;
  type: string;
  direction: 'directed';
  description?: string;
  [field: string]: Field | undefined;
}

export interface KumuBlueprint {
  elements: KumuElement[];
  connections: KumuConnection[];
}

/** Drops the fields without a value, so that Kumu leaves them unset rather than empty. */
function present<T extends Record<string, Field | null | undefined>>(fields: T) {
  const empty = (v: unknown) =>
    v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => !empty(v))) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/**
 * One label per actor, unique within the chain: Kumu matches connections to elements by label.
 * Unique names stay as they are; a shared name gets the municipality, or else (or if that still
 * clashes) the end of the actor's id, then the whole id. Deterministic for a given set of actors.
 */
export function kumuLabels(actors: Pick<ExportActor, 'id' | 'name' | 'municipality'>[]): Map<string, string> {
  const ordered = [...actors].sort((a, b) => a.id.localeCompare(b.id));
  const count = new Map<string, number>();
  for (const a of ordered) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  for (const a of ordered) {
    if (count.get(a.name) === 1) {
      labels.set(a.id, a.name);
      taken.add(a.name);
    }
  }
  for (const a of ordered) {
    if (labels.has(a.id)) continue;
    const candidates = [
      ...(a.municipality ? [`${a.name} (${a.municipality})`] : []),
      // The end of a UUIDv7 is random; its start is a timestamp shared by actors created together.
      `${a.name} (${a.id.slice(-8)})`,
      `${a.name} (${a.id})`,
    ];
    const label = candidates.find((c) => !taken.has(c) && !count.has(c)) ?? `${a.name} (${a.id})`;
    labels.set(a.id, label);
    taken.add(label);
  }
  return labels;
}

/** Kumu's JSON import ("blueprint"): actors as elements, flows as directed connections between labels. */
export function toKumu(model: ExportModel): KumuBlueprint {
  const labels = kumuLabels(model.actors);
  const labelOf = (id: string) => labels.get(id) ?? id;
  const elements = model.actors.map(
    (a): KumuElement => ({
      label: labelOf(a.id),
      type: a.role,
      ...present({ description: a.description }),
      tags: a.tags,
      ...present({
        Name: a.name,
        Kind: a.kind,
        Status: a.status,
        Stages: stageNamesOf(model, a),
        'Self-interest': a.selfInterest,
        Municipality: a.municipality,
        'Postal code': a.postalCode,
        Latitude: a.lat,
        Longitude: a.lon,
        'In region': a.inRegion,
        'Local ownership (%)': a.localOwnershipPct,
        'Low-income focus': a.lowIncomeFocus,
        Employees: a.employees,
        'Tisserand id': a.id,
      }),
    }),
  );
  const connections = model.flows.map(
    (f): KumuConnection => ({
      from: labelOf(f.sourceId),
      to: labelOf(f.targetId),
      type: f.type,
      direction: 'directed',
      ...present({
        description: f.description,
        'Support kind': f.supportKind,
        Product: f.product,
        Quantity: f.quantity,
        Unit: f.unit,
        Value: f.value,
        Status: f.status,
        Since: f.since,
        Until: f.until,
        'Tisserand id': f.id,
      }),
    }),
  );
  return { elements, connections };
}
