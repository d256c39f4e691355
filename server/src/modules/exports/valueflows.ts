import { keyPart, normalizeResource, slug } from '@tisserand/core';
import type { ExportActor, ExportFlow, ExportIntent, ExportModel } from './export-model';

export const VF = 'https://w3id.org/valueflows/ont/vf#';
export const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';

/**
 * The JSON-LD context, inline: a consumer expands the document without fetching anything
 * (w3id.org may be slow, blocked or gone the day the file is read).
 */
export const VALUEFLOWS_CONTEXT = {
  vf: VF,
  om2: OM2,
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  Agent: 'foaf:Agent',
  Organization: 'vf:Organization',
  Person: 'vf:Person',
  EconomicEvent: 'vf:EconomicEvent',
  Commitment: 'vf:Commitment',
  Intent: 'vf:Intent',
  ResourceSpecification: 'vf:ResourceSpecification',
  SpatialThing: 'vf:SpatialThing',
  Measure: 'om2:Measure',
  Unit: 'om2:Unit',
  name: 'vf:name',
  note: 'vf:note',
  label: 'rdfs:label',
  classifiedAs: 'vf:classifiedAs',
  primaryLocation: 'vf:primaryLocation',
  mappableAddress: 'vf:mappableAddress',
  lat: { '@id': 'vf:lat', '@type': 'xsd:double' },
  long: { '@id': 'vf:long', '@type': 'xsd:double' },
  action: { '@id': 'vf:action', '@type': '@id' },
  provider: { '@id': 'vf:provider', '@type': '@id' },
  receiver: { '@id': 'vf:receiver', '@type': '@id' },
  resourceConformsTo: { '@id': 'vf:resourceConformsTo', '@type': '@id' },
  resourceClassifiedAs: 'vf:resourceClassifiedAs',
  resourceQuantity: 'vf:resourceQuantity',
  hasNumericalValue: { '@id': 'om2:hasNumericalValue', '@type': 'xsd:double' },
  hasUnit: { '@id': 'om2:hasUnit', '@type': '@id' },
  hasBeginning: { '@id': 'vf:hasBeginning', '@type': 'xsd:dateTimeStamp' },
  hasEnd: { '@id': 'vf:hasEnd', '@type': 'xsd:dateTimeStamp' },
} as const;

/** Units people type, mapped to their OM 2 unit; any other unit is written as a labelled om2:Unit. */
const OM2_UNITS: Record<string, string> = {
  t: 'om2:tonne',
  tonne: 'om2:tonne',
  tonnes: 'om2:tonne',
  kg: 'om2:kilogram',
  kilo: 'om2:kilogram',
  kilos: 'om2:kilogram',
  kilogramme: 'om2:kilogram',
  kilogrammes: 'om2:kilogram',
  g: 'om2:gram',
  l: 'om2:litre',
  litre: 'om2:litre',
  litres: 'om2:litre',
  h: 'om2:hour',
  heure: 'om2:hour',
  heures: 'om2:hour',
  '€': 'om2:euro',
  eur: 'om2:euro',
  euro: 'om2:euro',
  euros: 'om2:euro',
  '%': 'om2:percent',
};

/** What a flow does to its resource: goods and money change hands; the rest is a service rendered. */
const ACTIONS: Record<ExportFlow['type'], string> = {
  product: 'vf:transfer',
  money: 'vf:transfer',
  service: 'vf:deliverService',
  information: 'vf:deliverService',
  support: 'vf:deliverService',
};

type Node = Record<string, unknown>;

const urn = (id: string) => `urn:uuid:${id}`;
// A calendar date as the xsd:dateTimeStamp ValueFlows asks for: the start of that day, UTC.
const stamp = (date: string | null) => (date ? `${date}T00:00:00Z` : undefined);

/** Drops the keys without a value, so that the document holds no empty statements. */
function compact(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v !== undefined && v !== null));
}

function unitNode(unit: string): Node {
  const raw = unit.trim();
  const iri = OM2_UNITS[raw.toLowerCase()] ?? OM2_UNITS[normalizeResource(raw)];
  return iri ? { '@id': iri } : { '@type': 'Unit', label: raw };
}

function measure(quantity: number | null, unit: string | null): Node | undefined {
  if (quantity === null) return undefined;
  return compact({
    '@type': 'Measure',
    hasNumericalValue: quantity,
    hasUnit: unit ? unitNode(unit) : undefined,
  });
}

function agent(a: ExportActor): Node {
  const address = [a.postalCode, a.municipality].filter(Boolean).join(' ');
  const located = a.lat !== null || a.lon !== null || address !== '';
  return compact({
    '@id': urn(a.id),
    '@type': ['Agent', a.kind === 'person' ? 'Person' : 'Organization'],
    name: a.name,
    note: a.description ?? undefined,
    classifiedAs: a.kind === 'person' ? undefined : [a.kind, a.role],
    primaryLocation: located
      ? compact({
          '@type': 'SpatialThing',
          lat: a.lat ?? undefined,
          long: a.lon ?? undefined,
          mappableAddress: address || undefined,
        })
      : undefined,
  });
}

/**
 * The chain in the ValueFlows vocabulary (JSON-LD): actors as agents; active and broken flows as
 * economic events, planned ones as commitments (ValueFlows' word for a promised flow); offers and
 * needs as intents. Resources named alike (case and accents aside) share one resource specification.
 */
export function toValueflows(model: ExportModel): {
  '@context': typeof VALUEFLOWS_CONTEXT;
  '@graph': Node[];
} {
  const specs = new Map<string, Node>();
  const specOf = (resource: string) => {
    const key = slug(resource) || keyPart(resource);
    const id = `_:resource-${key}`;
    if (!specs.has(key))
      specs.set(key, { '@id': id, '@type': 'ResourceSpecification', name: resource.trim() });
    return id;
  };

  const event = (f: ExportFlow): Node =>
    compact({
      '@id': urn(f.id),
      '@type': f.status === 'planned' ? 'Commitment' : 'EconomicEvent',
      action: ACTIONS[f.type],
      provider: urn(f.sourceId),
      receiver: urn(f.targetId),
      resourceConformsTo: f.product ? specOf(f.product) : undefined,
      resourceClassifiedAs: f.supportKind ? [f.type, f.supportKind] : [f.type],
      // A money flow given by its value alone is a quantity of euros.
      resourceQuantity:
        measure(f.quantity, f.unit) ?? (f.type === 'money' ? measure(f.value, '€') : undefined),
      hasBeginning: stamp(f.since),
      hasEnd: stamp(f.until),
      note: f.description ?? undefined,
    });

  const intent = (i: ExportIntent): Node =>
    compact({
      '@id': urn(i.id),
      '@type': 'Intent',
      action: 'vf:transfer',
      [i.direction === 'offer' ? 'provider' : 'receiver']: urn(i.actorId),
      name: i.resource,
      resourceConformsTo: specOf(i.resource),
      resourceClassifiedAs: [i.resource],
      resourceQuantity: measure(i.quantity, i.unit),
      note: [i.note, i.period ? `period: ${i.period}` : null].filter(Boolean).join('\n') || undefined,
    });

  const agents = model.actors.map(agent);
  const events = model.flows.map(event);
  const intents = model.intents.map(intent);
  return { '@context': VALUEFLOWS_CONTEXT, '@graph': [...agents, ...specs.values(), ...events, ...intents] };
}
