import {
  type ExportActor,
  type ExportFlow,
  type ExportModel,
  LIST_SEPARATOR,
  stageNamesOf,
} from './export-model';

type Value = string | number | boolean | null;
type AttrType = 'string' | 'double' | 'integer' | 'boolean';

/** One typed attribute of a node or an edge: declared once, written on every element that has a value. */
interface Column<T> {
  id: string;
  type: AttrType;
  value: (item: T) => Value;
}

const list = (items: string[]) => (items.length > 0 ? items.join(LIST_SEPARATOR) : null);

/** The actor fields the graph exports carry (every field of the profile; contacts are not in the model). */
function nodeColumns(model: Pick<ExportModel, 'stages'>): Column<ExportActor>[] {
  return [
    { id: 'kind', type: 'string', value: (a) => a.kind },
    { id: 'role', type: 'string', value: (a) => a.role },
    { id: 'status', type: 'string', value: (a) => a.status },
    { id: 'stages', type: 'string', value: (a) => list(stageNamesOf(model, a)) },
    { id: 'selfInterest', type: 'string', value: (a) => a.selfInterest },
    { id: 'description', type: 'string', value: (a) => a.description },
    { id: 'municipality', type: 'string', value: (a) => a.municipality },
    { id: 'postalCode', type: 'string', value: (a) => a.postalCode },
    { id: 'lat', type: 'double', value: (a) => a.lat },
    { id: 'lon', type: 'double', value: (a) => a.lon },
    { id: 'inRegion', type: 'boolean', value: (a) => a.inRegion },
    { id: 'localOwnershipPct', type: 'double', value: (a) => a.localOwnershipPct },
    { id: 'lowIncomeFocus', type: 'boolean', value: (a) => a.lowIncomeFocus },
    { id: 'employees', type: 'integer', value: (a) => a.employees },
    { id: 'tags', type: 'string', value: (a) => list(a.tags) },
  ];
}

const EDGE_COLUMNS: Column<ExportFlow>[] = [
  { id: 'type', type: 'string', value: (f) => f.type },
  { id: 'supportKind', type: 'string', value: (f) => f.supportKind },
  { id: 'product', type: 'string', value: (f) => f.product },
  { id: 'quantity', type: 'double', value: (f) => f.quantity },
  { id: 'unit', type: 'string', value: (f) => f.unit },
  { id: 'value', type: 'double', value: (f) => f.value },
  { id: 'status', type: 'string', value: (f) => f.status },
  { id: 'since', type: 'string', value: (f) => f.since },
  { id: 'until', type: 'string', value: (f) => f.until },
  { id: 'description', type: 'string', value: (f) => f.description },
];

// Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written as references so that attribute-value normalisation does not turn them into spaces.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes a text for an XML attribute value or element content. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}

const format = (value: string | number | boolean) =>
  xmlEscape(typeof value === 'string' ? value : String(value));

const edgeLabel = (f: ExportFlow) => f.product ?? f.type;

/** GEXF 1.3 (Gephi): actors as nodes, flows as directed edges, with typed attributes. */
export function toGexf(model: ExportModel): string {
  const nodeCols = nodeColumns(model);
  const declare = (cls: 'node' | 'edge', cols: Column<never>[]) => [
    `    <attributes class="${cls}">`,
    ...cols.map((c) => `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>`),
    '    </attributes>',
  ];
  const attvalues = <T>(cols: Column<T>[], item: T, indent: string) => {
    const values = cols.flatMap((c) => {
      const v = c.value(item);
      return v === null ? [] : [`${indent}  <attvalue for="${c.id}" value="${format(v)}"/>`];
    });
    return values.length > 0 ? [`${indent}<attvalues>`, ...values, `${indent}</attvalues>`] : [];
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${model.exportedOn}">`,
    '    <creator>Tisserand</creator>',
    `    <description>${xmlEscape(`${model.chain.name} (${model.chain.region}): actors and flows`)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    ...declare('node', nodeCols),
    ...declare('edge', EDGE_COLUMNS),
    '    <nodes>',
    ...model.actors.flatMap((a) => [
      `      <node id="${a.id}" label="${xmlEscape(a.name)}">`,
      ...attvalues(nodeCols, a, '        '),
      '      </node>',
    ]),
    '    </nodes>',
    '    <edges>',
    // `kind` (GEXF 1.3) keeps a product flow and a money flow between the same two actors apart in Gephi.
    ...model.flows.flatMap((f) => [
      `      <edge id="${f.id}" source="${f.sourceId}" target="${f.targetId}" kind="${f.type}" label="${xmlEscape(edgeLabel(f))}">`,
      ...attvalues(EDGE_COLUMNS, f, '        '),
      '      </edge>',
    ]),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ];
  return lines.join('\n');
}

const GRAPHML_TYPES: Record<AttrType, string> = {
  string: 'string',
  double: 'double',
  integer: 'int',
  boolean: 'boolean',
};

/** GraphML (networkx, yEd, Gephi, Cytoscape): the same nodes, edges and data as the GEXF export. */
export function toGraphml(model: ExportModel): string {
  // `label` comes first: it is the name Gephi and Cytoscape show on nodes and edges.
  const nodeCols: Column<ExportActor>[] = [
    { id: 'label', type: 'string', value: (a) => a.name },
    ...nodeColumns(model),
  ];
  const edgeCols: Column<ExportFlow>[] = [{ id: 'label', type: 'string', value: edgeLabel }, ...EDGE_COLUMNS];
  const key = (prefix: 'n' | 'e', c: Column<never>) =>
    `  <key id="${prefix}_${c.id}" for="${prefix === 'n' ? 'node' : 'edge'}" attr.name="${c.id}" attr.type="${GRAPHML_TYPES[c.type]}"/>`;
  const data = <T>(prefix: 'n' | 'e', cols: Column<T>[], item: T) =>
    cols.flatMap((c) => {
      const v = c.value(item);
      return v === null ? [] : [`      <data key="${prefix}_${c.id}">${format(v)}</data>`];
    });
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeCols.map((c) => key('n', c)),
    ...edgeCols.map((c) => key('e', c)),
    `  <graph id="chain-${model.chain.id}" edgedefault="directed">`,
    `    <desc>${xmlEscape(`${model.chain.name} (${model.chain.region}): actors and flows, ${model.exportedOn}`)}</desc>`,
    ...model.actors.flatMap((a) => [`    <node id="${a.id}">`, ...data('n', nodeCols, a), '    </node>']),
    ...model.flows.flatMap((f) => [
      `    <edge id="${f.id}" source="${f.sourceId}" target="${f.targetId}">`,
      ...data('e', edgeCols, f),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
