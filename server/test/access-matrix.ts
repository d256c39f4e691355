import { PASSWORD } from './helpers';

/**
 * The access matrix (QUALITY.md, "Reliability and security"; API.md, "Who may do what"): for every
 * route of the API, who may call it. `access-matrix.test.ts` reads the route table of the real app
 * and fails for any route without an entry here, and for any entry without a route.
 *
 * Keys are `METHOD url` as Fastify registers them, with `/api/v1` left out.
 */

/** Who calls. Partners A and B speak for actors A and B of chain 1; `otherChain` coordinates chain 2. */
export const CALLERS = [
  'coordinator',
  'partnerA',
  'partnerB',
  'observer',
  'otherChain',
  'stranger',
  'admin',
  'anonymous',
] as const;
export type Caller = (typeof CALLERS)[number];

/** `allow`: the access decision lets the call through (2xx, or 409/412 from the state of the data). */
export type Outcome = 'allow' | 401 | 403 | 404;
export type Expectation = Record<Caller, Outcome>;

/** The fixture's entities, by name; a chain-2 fixture holds the same names (cross-tenant checks). */
export const FIXTURE_IDS = [
  'chain',
  'stage',
  'actorA',
  'actorB',
  'actorC',
  'contactA',
  'contactB',
  'flow',
  'intentA',
  'intentB',
  'indicatorPublic',
  'indicatorAggregate',
  'indicatorPrivate',
  'obsPublicA',
  'obsAggregateA',
  'obsPrivateA',
  'campaign',
  'notificationA',
  'goal',
  'commitmentA',
  'commitmentB',
  'initiative',
  'proposal',
  'proposalToClose',
  'agreement',
  'conflictA',
  'conflictB',
  'sessionA',
  'sessionB',
  'serendipity',
  'idea',
  'convening',
  'interaction',
  'introduction',
  'resource',
  'report',
  'importJob',
  'memberA',
  'spareUser',
  'eraseUser',
  'loginEmail',
  'token',
  'gapKey',
  'dismissedGapKey',
  'slug',
  'draftSlug',
] as const;
export type IdName = (typeof FIXTURE_IDS)[number];
export type Ids = Record<IdName, string>;

/** How a path parameter is filled when an entry does not say: by name, and `:id` by the segment before it. */
export const PARAM_IDS: Record<string, IdName> = {
  chainId: 'chain',
  actorId: 'actorA',
  conflictId: 'conflictA',
  userId: 'memberA',
  key: 'gapKey',
  slug: 'slug',
};
export const ID_BY_COLLECTION: Record<string, IdName> = {
  stages: 'stage',
  actors: 'actorA',
  contacts: 'contactA',
  flows: 'flow',
  intents: 'intentA',
  indicators: 'indicatorAggregate',
  observations: 'obsAggregateA',
  campaigns: 'campaign',
  notifications: 'notificationA',
  goals: 'goal',
  commitments: 'commitmentA',
  initiatives: 'initiative',
  proposals: 'proposal',
  agreements: 'agreement',
  conflicts: 'conflictA',
  sessions: 'sessionA',
  serendipity: 'serendipity',
  ideas: 'idea',
  convenings: 'convening',
  interactions: 'interaction',
  introductions: 'introduction',
  resources: 'resource',
  reports: 'report',
  imports: 'importJob',
  tokens: 'token',
  users: 'eraseUser',
};

export interface Case {
  /** What this case is about, when a route has several. */
  name?: string;
  expect: Expectation;
  /** Path parameters filled otherwise than by PARAM_IDS / ID_BY_COLLECTION. */
  params?: Record<string, IdName>;
  /** A body that passes validation, so that the rules behind it are reached. */
  body?: (ids: Ids) => unknown;
  query?: string;
  contentType?: string;
  /** Other statuses that count as `allow` for this case (e.g. a wrong current password is a 400). */
  allowAlso?: number[];
  /** Signs in a new session for each call (a sign-out must not end the shared ones). */
  freshSession?: boolean;
  /** Puts back, before each call, the state a previous call changed. */
  reset?: 'dismissGap';
}
export type Entry = Case | Case[];

const A = 'allow' as const;

/** Anyone, signed in or not. */
const PUBLIC: Expectation = {
  coordinator: A,
  partnerA: A,
  partnerB: A,
  observer: A,
  otherChain: A,
  stranger: A,
  admin: A,
  anonymous: A,
};
/** Anyone signed in. */
const SIGNED_IN: Expectation = { ...PUBLIC, anonymous: 401 };
/** Instance admins only. */
const ADMIN: Expectation = {
  coordinator: 403,
  partnerA: 403,
  partnerB: 403,
  observer: 403,
  otherChain: 403,
  stranger: 403,
  admin: A,
  anonymous: 401,
};
/** Something personal to A's partner (its notifications): nobody else, not even a coordinator. */
const NOBODY_BUT_A: Expectation = {
  coordinator: 404,
  partnerA: A,
  partnerB: 404,
  observer: 404,
  otherChain: 404,
  stranger: 404,
  admin: 404,
  anonymous: 401,
};

/**
 * A chain route: the outcome of each member of chain 1. Instance admins act as coordinators;
 * anyone outside the chain gets 404 (its existence is not revealed); anonymous callers 401.
 */
function chain(coordinator: Outcome, partnerA: Outcome, partnerB: Outcome, observer: Outcome): Expectation {
  return {
    coordinator,
    partnerA,
    partnerB,
    observer,
    otherChain: 404,
    stranger: 404,
    admin: coordinator,
    anonymous: 401,
  };
}
/** Every member reads. */
const READ = chain(A, A, A, A);
/** Coordinators only (a member of another role: 403). */
const COORD = chain(A, 403, 403, 403);
/** Coordinators, and the partners of actor A (the target): B's partner is refused. */
const OWN_A = chain(A, A, 403, 403);
/** Coordinators and partners (ideas, serendipity, conflicts they report). */
const WRITERS = chain(A, A, A, 403);
/** Something of actor A that B's partner and observers may not even see (404 = not visible). */
const SEEN_BY_A = chain(A, A, 404, 404);

const today = '2024-06-01';
const soon = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
let unique = 0;
const next = () => `${Date.now().toString(36)}${(unique++).toString(36)}`;

/** A chain collection: list, create, read, update, delete with its bodies and who may write. */
function collection(
  path: string,
  {
    read = READ,
    write = COORD,
    create,
    update,
    writeOne = write,
  }: {
    read?: Expectation;
    write?: Expectation;
    /** Who may update or delete the fixture's row (defaults to `write`). */
    writeOne?: Expectation;
    create: (ids: Ids) => unknown;
    update: (ids: Ids) => unknown;
  },
): Record<string, Entry> {
  const base = `/chains/:chainId/${path}`;
  return {
    [`GET ${base}`]: { expect: read },
    [`POST ${base}`]: { expect: write, body: create },
    [`GET ${base}/:id`]: { expect: read },
    [`PATCH ${base}/:id`]: { expect: writeOne, body: update },
    [`DELETE ${base}/:id`]: { expect: writeOne },
  };
}

const csv = 'name,kind,role\nMatrice,business,transactional\n';

export const MATRIX: Record<string, Entry> = {
  // ---- System, sign-in, accounts ----
  'GET /api/openapi.json': { expect: PUBLIC },
  'GET /config': { expect: PUBLIC },
  'GET /health': { expect: PUBLIC },
  'POST /auth/login': { expect: PUBLIC, body: (ids) => ({ email: ids.loginEmail, password: PASSWORD }) },
  // Public route; without a session the answer is 401.
  'GET /auth/session': { expect: SIGNED_IN },
  'POST /auth/logout': { expect: SIGNED_IN, freshSession: true },
  'GET /me': { expect: SIGNED_IN },
  'PATCH /me': { expect: SIGNED_IN, body: () => ({ locale: 'fr' }) },
  // Routes whose whole decision is the access layer's ('public', 'user'): a body refused by the
  // schema (400, which comes after the access layer) shows the call was let through, without
  // spending argon2 time or counting as a failed sign-in in the throttling.
  'POST /me/password': {
    expect: SIGNED_IN,
    body: () => ({ currentPassword: PASSWORD, newPassword: 'short' }),
    allowAlso: [400],
  },
  'POST /me/tokens': { expect: SIGNED_IN, body: () => ({ name: 'matrice' }) },
  'GET /me/tokens': { expect: SIGNED_IN },
  // The coordinator's token: nobody else may revoke it, nor learn that it exists.
  'DELETE /me/tokens/:id': {
    expect: {
      ...SIGNED_IN,
      partnerA: 404,
      partnerB: 404,
      observer: 404,
      otherChain: 404,
      stranger: 404,
      admin: 404,
    },
  },
  'POST /auth/login/2fa': {
    expect: PUBLIC,
    body: () => ({ challenge: 'no-such-challenge', code: '1' }),
    allowAlso: [400],
  },
  'GET /me/2fa': { expect: SIGNED_IN },
  'POST /me/2fa/enrolment': { expect: SIGNED_IN },
  'POST /me/2fa/activation': { expect: SIGNED_IN, body: () => ({ code: '1' }), allowAlso: [400] },
  'DELETE /me/2fa': {
    expect: SIGNED_IN,
    body: () => ({ code: '1', password: PASSWORD }),
    allowAlso: [400],
  },
  'GET /me/personal-data': { expect: SIGNED_IN },
  // Erases a throw-away user of the fixture: instance admins only.
  'DELETE /users/:id/personal-data': { expect: ADMIN },
  'POST /users': {
    expect: ADMIN,
    body: () => ({ email: `matrix-${next()}@example.org`, name: 'Matrice', password: PASSWORD }),
  },
  'GET /users': { expect: ADMIN },

  // ---- Chains and members ----
  'GET /chains': { expect: SIGNED_IN },
  'POST /chains': { expect: ADMIN, body: () => ({ name: 'Filière matrice', region: 'Drôme' }) },
  'GET /chains/:chainId': { expect: READ },
  'PATCH /chains/:chainId': { expect: COORD, body: () => ({ description: 'Matrice' }) },
  'DELETE /chains/:chainId': { expect: COORD },
  'GET /chains/:chainId/capitals': { expect: READ },
  'GET /chains/:chainId/members': { expect: READ },
  'POST /chains/:chainId/members': {
    expect: COORD,
    body: (ids) => ({ userId: ids.spareUser, role: 'observer' }),
  },
  'GET /chains/:chainId/members/:userId': { expect: COORD },
  'PATCH /chains/:chainId/members/:userId': {
    expect: COORD,
    body: (ids) => ({ role: 'partner', actorId: ids.actorA }),
  },
  'DELETE /chains/:chainId/members/:userId': { expect: COORD },
  'GET /chains/:chainId/audit': { expect: COORD },

  // ---- Backup and restore ----
  'GET /chains/:chainId/exports/backup.json': { expect: COORD },
  // The body is a real backup of chain 2 (set by the test): only an instance admin restores.
  'POST /chains/restore': { expect: ADMIN, body: () => RESTORE_BODY.value },

  // ---- Meta vision ----
  ...collection('stages', {
    create: () => ({ name: 'Maillon', position: 9 }),
    update: () => ({ description: 'Matrice' }),
  }),
  ...collection('actors', {
    // Only coordinators add or remove actors; a partner edits its own actor's profile.
    write: COORD,
    writeOne: COORD,
    create: () => ({ name: 'Acteur matrice', kind: 'business', role: 'support' }),
    update: () => ({ description: 'Matrice' }),
  }),
  'PATCH /chains/:chainId/actors/:id': [
    { name: 'own profile', expect: OWN_A, body: () => ({ description: 'Matrice' }) },
    {
      name: 'engagement status (the coordinators’ pipeline)',
      expect: COORD,
      body: () => ({ status: 'inactive' }),
    },
  ],
  ...collection('actors/:actorId/contacts', {
    // Personal data: coordinators and the actor's own partners only.
    read: chain(A, A, 403, 403),
    write: OWN_A,
    create: () => ({ name: 'Contact matrice', email: 'contact@example.org' }),
    update: () => ({ phone: '0102030405' }),
  }),
  'GET /chains/:chainId/actors/:actorId/contacts/:id': [
    { name: 'A’s contact', expect: chain(A, A, 403, 403) },
    { name: 'B’s contact under A', params: { id: 'contactB' }, expect: chain(404, 404, 403, 403) },
  ],
  'PATCH /chains/:chainId/actors/:actorId/contacts/:id': [
    { name: 'A’s contact', expect: OWN_A, body: () => ({ phone: '0102030405' }) },
    {
      name: 'B’s contact under A',
      params: { id: 'contactB' },
      expect: chain(404, 404, 403, 403),
      body: () => ({ phone: '0102030405' }),
    },
  ],
  // Right of access (coordinators and the actor's own partners) and erasure (coordinators).
  'GET /chains/:chainId/actors/:actorId/contacts/:id/personal-data': [
    { name: 'A’s contact', expect: chain(A, A, 403, 403) },
    { name: 'B’s contact under A', params: { id: 'contactB' }, expect: chain(404, 404, 403, 403) },
  ],
  'DELETE /chains/:chainId/actors/:actorId/contacts/:id/personal-data': [
    { name: 'A’s contact', expect: COORD },
    { name: 'B’s contact under A', params: { id: 'contactB' }, expect: chain(404, 403, 403, 403) },
  ],
  ...collection('flows', {
    create: (ids) => ({ sourceId: ids.actorA, targetId: ids.actorC, type: 'money' }),
    update: () => ({ description: 'Matrice' }),
  }),
  ...collection('intents', {
    write: OWN_A,
    create: (ids) => ({ actorId: ids.actorA, direction: 'offer', resource: 'son' }),
    update: () => ({ note: 'Matrice' }),
  }),
  'PATCH /chains/:chainId/intents/:id': [
    { name: 'A’s intent', expect: OWN_A, body: () => ({ note: 'Matrice' }) },
    { name: 'A’s intent moved to B', expect: COORD, body: (ids) => ({ actorId: ids.actorB }) },
  ],
  'GET /chains/:chainId/map': { expect: READ },
  'GET /chains/:chainId/gaps': { expect: READ },
  'POST /chains/:chainId/gaps/:key/dismissal': { expect: COORD, body: () => ({ reason: 'Matrice' }) },
  'DELETE /chains/:chainId/gaps/:key/dismissal': {
    expect: COORD,
    params: { key: 'dismissedGapKey' },
    reset: 'dismissGap',
  },
  'GET /chains/:chainId/overview': { expect: READ },

  // ---- Data collection ----
  ...collection('indicators', {
    create: () => ({ code: `M${next()}`, name: 'Matrice', category: 'process' }),
    update: () => ({ description: 'Matrice' }),
  }),
  'GET /chains/:chainId/indicators/:id/series': [
    { name: 'public indicator', params: { id: 'indicatorPublic' }, expect: READ },
    { name: 'aggregate indicator', params: { id: 'indicatorAggregate' }, expect: READ },
    // A partner sees its own actor's data of a private indicator; an observer nothing.
    { name: 'private indicator', params: { id: 'indicatorPrivate' }, expect: chain(A, A, A, 403) },
  ],
  'GET /chains/:chainId/observations': { expect: READ },
  'PUT /chains/:chainId/observations': [
    {
      name: 'A’s values',
      expect: OWN_A,
      body: (ids) => ({
        items: [{ indicatorId: ids.indicatorPublic, actorId: ids.actorA, period: '2023-Q1', value: 3 }],
      }),
    },
    {
      name: 'a chain-level value (the coordinators’)',
      expect: COORD,
      body: (ids) => ({
        items: [{ indicatorId: ids.indicatorPublic, actorId: null, period: '2023-Q1', value: 3 }],
      }),
    },
  ],
  'GET /chains/:chainId/observations/:id': [
    { name: 'A’s value of a public indicator', params: { id: 'obsPublicA' }, expect: READ },
    { name: 'A’s value of an aggregate indicator', params: { id: 'obsAggregateA' }, expect: SEEN_BY_A },
    { name: 'A’s value of a private indicator', params: { id: 'obsPrivateA' }, expect: SEEN_BY_A },
  ],
  'DELETE /chains/:chainId/observations/:id': [
    { name: 'A’s value of a public indicator', params: { id: 'obsPublicA' }, expect: chain(A, A, 404, 403) },
    {
      name: 'A’s value of an aggregate indicator',
      params: { id: 'obsAggregateA' },
      expect: chain(A, A, 404, 403),
    },
    {
      name: 'A’s value of a private indicator',
      params: { id: 'obsPrivateA' },
      expect: chain(A, A, 404, 403),
    },
  ],
  // A period without data: the call is let through and changes nothing.
  'POST /chains/:chainId/observations/approval': { expect: COORD, body: () => ({ period: '2019-Q1' }) },
  'POST /chains/:chainId/observations/reopen': { expect: COORD, body: () => ({ period: '2019-Q1' }) },
  'POST /chains/:chainId/observations/rejection': {
    expect: COORD,
    body: () => ({ period: '2019-Q1', reason: 'Matrice' }),
  },
  ...collection('campaigns', {
    create: (ids) => ({
      name: 'Collecte matrice',
      period: '2023-Q2',
      indicatorIds: [ids.indicatorPublic],
      actorIds: [ids.actorC],
      dueDate: '2030-01-01',
    }),
    update: () => ({ name: 'Collecte matrice' }),
  }),
  'GET /chains/:chainId/campaigns/:id/completion': { expect: READ },
  'GET /chains/:chainId/successes': { expect: READ },
  'POST /chains/:chainId/successes': {
    expect: COORD,
    body: (ids) => ({ title: 'Matrice', story: 'Une belle histoire.', actorIds: [ids.actorA] }),
  },
  'GET /chains/:chainId/alerts': { expect: COORD },
  'GET /chains/:chainId/notifications': { expect: READ },
  // A's partner's own notification: nobody else may mark it read, not even a coordinator.
  'POST /chains/:chainId/notifications/:id/read': { expect: NOBODY_BUT_A },

  // ---- Wealth creation ----
  ...collection('goals', {
    create: () => ({ title: 'Objectif matrice', dimension: 'ownership' }),
    update: () => ({ description: 'Matrice' }),
  }),
  'GET /chains/:chainId/goals/:id/progress': { expect: READ },
  ...collection('commitments', {
    write: OWN_A,
    create: (ids) => ({ goalId: ids.goal, actorId: ids.actorA, description: 'Engagement matrice' }),
    update: () => ({ status: 'in_progress' }),
  }),
  'PATCH /chains/:chainId/commitments/:id': [
    { name: 'A’s commitment', expect: OWN_A, body: () => ({ status: 'in_progress' }) },
    { name: 'A’s commitment moved to B', expect: COORD, body: (ids) => ({ actorId: ids.actorB }) },
  ],
  ...collection('initiatives', {
    create: (ids) => ({ title: 'Initiative matrice', actorIds: [ids.actorA], goalIds: [ids.goal] }),
    update: () => ({ description: 'Matrice' }),
  }),
  'GET /chains/:chainId/capital-balance': { expect: READ },

  // ---- Mediation ----
  ...collection('proposals', {
    create: (ids) => ({ title: 'Proposition matrice', participantActorIds: [ids.actorA], closesAt: soon() }),
    update: () => ({ description: 'Matrice' }),
  }),
  // Positions for actor A (the path's :actorId).
  'PUT /chains/:chainId/proposals/:id/positions/:actorId': {
    expect: OWN_A,
    body: () => ({ position: 'agree' }),
  },
  'GET /chains/:chainId/proposals/:id/positions': { expect: READ },
  'POST /chains/:chainId/proposals/:id/close': { expect: COORD, params: { id: 'proposalToClose' } },
  ...collection('agreements', {
    create: (ids) => ({ title: 'Accord matrice', partyActorIds: [ids.actorA, ids.actorC], terms: 'Termes' }),
    update: () => ({ title: 'Accord matrice' }),
  }),
  'POST /chains/:chainId/agreements/:id/signatures': {
    expect: OWN_A,
    body: (ids) => ({ actorId: ids.actorA }),
  },
  'GET /chains/:chainId/agreements/:id/versions': { expect: READ },
  // Confidential: coordinators and the parties' partners; A's partner reports conflicts A is a party to.
  ...collection('conflicts', {
    read: chain(A, A, A, 403),
    write: OWN_A,
    create: (ids) => ({ title: 'Différend matrice', partyActorIds: [ids.actorA, ids.actorC] }),
    update: () => ({ severity: 'high' }),
    // Mediation is the coordinators' work; B's partner does not see A's conflict at all.
    writeOne: chain(A, 403, 404, 403),
  }),
  'GET /chains/:chainId/conflicts/:id': [
    { name: 'a conflict A is a party to', expect: chain(A, A, 404, 403) },
    { name: 'a conflict A is not a party to', params: { id: 'conflictB' }, expect: chain(A, 404, A, 403) },
  ],
  ...collection('conflicts/:conflictId/sessions', {
    read: chain(A, A, 404, 403),
    write: COORD,
    create: () => ({ date: today, notes: 'Séance matrice' }),
    update: () => ({ notes: 'Séance matrice' }),
  }),
  'GET /chains/:chainId/conflicts/:conflictId/sessions/:id': [
    { name: 'a session of A’s conflict', expect: chain(A, A, 404, 403) },
    {
      name: 'a session of another conflict, under A’s',
      params: { id: 'sessionB' },
      expect: chain(404, 404, 404, 403),
    },
  ],
  ...collection('serendipity', {
    write: WRITERS,
    create: (ids) => ({ date: today, description: 'Rencontre fortuite', actorIds: [ids.actorA] }),
    update: () => ({ followUp: 'Matrice' }),
  }),
  ...collection('ideas', {
    write: WRITERS,
    create: (ids) => ({ title: 'Idée matrice', actorIds: [ids.actorA] }),
    update: () => ({ learnings: 'Matrice' }),
  }),

  // ---- Connector ----
  ...collection('convenings', {
    create: (ids) => ({ title: 'Rencontre matrice', date: today, invitedActorIds: [ids.actorA] }),
    update: () => ({ notes: 'Matrice' }),
  }),
  'GET /chains/:chainId/convenings/:id/calendar.ics': { expect: READ },
  ...collection('interactions', {
    create: (ids) => ({ date: today, kind: 'call', actorIds: [ids.actorA], summary: 'Appel matrice' }),
    update: () => ({ summary: 'Appel matrice' }),
  }),
  'GET /chains/:chainId/interactions/quiet': { expect: READ },
  'GET /chains/:chainId/suggestions': { expect: READ },
  ...collection('introductions', {
    create: (ids) => ({ fromActorId: ids.actorA, toActorId: ids.actorC }),
    update: () => ({ reason: 'Matrice' }),
  }),
  ...collection('resources', {
    create: (ids) => ({ kind: 'funding', name: 'Fonds matrice', actorIds: [ids.actorA] }),
    update: () => ({ organization: 'Matrice' }),
  }),
  'GET /chains/:chainId/pipeline/moves': { expect: COORD },

  // ---- Exports, reports, imports ----
  'GET /chains/:chainId/exports/map.gexf': { expect: READ },
  'GET /chains/:chainId/exports/map.graphml': { expect: READ },
  'GET /chains/:chainId/exports/kumu.json': { expect: READ },
  'GET /chains/:chainId/exports/valueflows.jsonld': { expect: READ },
  'GET /chains/:chainId/exports/observations.csv': { expect: READ },
  'GET /chains/:chainId/exports/observations.xlsx': { expect: READ },
  ...collection('reports', {
    create: () => ({ title: 'Rapport matrice', slug: `matrice-${next()}` }),
    update: () => ({ summary: 'Matrice' }),
  }),
  'GET /chains/:chainId/reports/:id/preview': { expect: READ },
  ...Object.fromEntries(
    [
      '/public/reports/:slug',
      '/public/reports/:slug/data.json',
      '/public/reports/:slug/data.csv',
      '/public/reports/:slug.pdf',
    ].map((url) => [
      `GET ${url}`,
      [
        { name: 'published', expect: PUBLIC },
        // An unpublished report is not found, whoever asks.
        {
          name: 'unpublished',
          params: { slug: 'draftSlug' },
          expect: Object.fromEntries(CALLERS.map((c) => [c, 404])) as Expectation,
        },
      ],
    ]),
  ),
  'POST /chains/:chainId/imports': {
    expect: COORD,
    query: 'kind=actors&dryRun=true',
    contentType: 'text/csv',
    body: () => csv,
  },
  'GET /chains/:chainId/imports/:id': { expect: COORD },
};

/** The restore body, read from the app once the fixture exists. */
export const RESTORE_BODY: { value: unknown } = { value: undefined };
