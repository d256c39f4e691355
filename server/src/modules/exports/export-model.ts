import type { Actor, Flow, Intent, Stage } from '@tisserand/core';
import { slug } from '@tisserand/core';

type Stored = 'version' | 'createdAt' | 'updatedAt';
export type ExportActor = Omit<Actor, Stored>;
export type ExportFlow = Omit<Flow, Stored>;
export type ExportIntent = Omit<Intent, Stored>;
export type ExportStage = Pick<Stage, 'id' | 'name' | 'position'>;

/**
 * What the map exports are built from: plain data, so that the format builders stay pure.
 * Contacts are personal data and have no place here (API.md, "Who may do what").
 */
export interface ExportModel {
  chain: { id: string; name: string; region: string };
  /** The day of the export, `YYYY-MM-DD` (GEXF's last-modified date). */
  exportedOn: string;
  stages: ExportStage[];
  actors: ExportActor[];
  flows: ExportFlow[];
  intents: ExportIntent[];
}

/** The names of an actor's stages, in chain order (producer first). */
export function stageNamesOf(model: Pick<ExportModel, 'stages'>, actor: Pick<ExportActor, 'stageIds'>) {
  const ids = new Set(actor.stageIds);
  return [...model.stages]
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .filter((s) => ids.has(s.id))
    .map((s) => s.name);
}

/** Separator of list values (stages, tags) in formats without list types (GEXF, GraphML); the one imports read. */
export const LIST_SEPARATOR = '; ';

/** An ASCII-only file name for a chain's export: `filiere-ble-map.gexf`. */
export function exportFilename(chainName: string, exportName: string) {
  // slug() leaves [a-z0-9-] and writes anything else as `_<hex>_`: ASCII-safe for the header.
  const base = slug(chainName).slice(0, 60).replace(/-+$/, '') || 'chain';
  return `${base}-${exportName}`;
}
