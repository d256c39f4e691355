import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './helpers';

/**
 * Real values for the `:params` of any route, read from a fixture chain (the demo chain): the
 * fuzz and lost-update tests walk the whole route table with them.
 */

/** The items of a list answer (`{items}` or a bare array). */
export function itemsOf(res: LightMyRequestResponse): Record<string, unknown>[] {
  if (res.statusCode !== 200) return [];
  const body = res.json() as unknown;
  if (Array.isArray(body)) return body as Record<string, unknown>[];
  const items = (body as { items?: unknown }).items;
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
}

/** An id that exists nowhere. */
export const UNKNOWN_ID = '0190a0a0-0000-7000-8000-000000000000';

/**
 * Fills `:param`s left to right, each from an item of the collection listed before it; when a
 * later collection is empty (an actor without contacts), the next candidate is tried.
 */
export async function resolveParams(
  client: Client,
  chainId: string,
  url: string,
  pick: (items: Record<string, unknown>[], name: string) => Record<string, unknown>[] = (items) => items,
): Promise<Record<string, string>> {
  const segments = url.split('/');
  const names = segments.flatMap((s, i) =>
    [...s.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1] ?? '', at: i })),
  );
  const solve = async (k: number, params: Record<string, string>): Promise<Record<string, string> | null> => {
    const next = names[k];
    if (!next) return params;
    const { name, at } = next;
    if (name === 'chainId') return solve(k + 1, { ...params, chainId });
    if (name === 'slug') {
      const reports = itemsOf(await client.get(`/chains/${chainId}/reports`));
      const slug = String(reports.find((r) => r.published)?.slug ?? reports[0]?.slug ?? 'nothing');
      return solve(k + 1, { ...params, slug });
    }
    const listUrl = fillParams(segments.slice(0, at).join('/'), params);
    let items = itemsOf(await client.get(listUrl));
    if (name === 'actorId' && items.length === 0 && listUrl.endsWith('/positions'))
      items = itemsOf(await client.get(`/chains/${chainId}/actors`));
    for (const item of pick(items, name).slice(0, 25)) {
      const value = item[name] ?? item.id ?? item.key;
      if (typeof value !== 'string') continue;
      const solved = await solve(k + 1, { ...params, [name]: value });
      if (solved) return solved;
    }
    return null;
  };
  const solved = await solve(0, {});
  if (solved) return solved;
  // Nothing in the fixture: an id that exists nowhere (the route answers 404).
  return Object.fromEntries(names.map(({ name }) => [name, name === 'chainId' ? chainId : UNKNOWN_ID]));
}

export const fillParams = (url: string, params: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? name));

/** Fills what the demo chain lacks so that every route has a real entity to work on (a contact,
 * an introduction). */
export async function completeFixture(client: Client, chainId: string) {
  const [actor] = itemsOf(await client.get(`/chains/${chainId}/actors`));
  const res = await client.post(`/chains/${chainId}/actors/${String(actor?.id)}/contacts`, {
    name: 'Claire Contact',
    role: 'gérante',
    email: 'claire@example.org',
  });
  if (res.statusCode !== 201) throw new Error(`contact: ${res.body}`);
  const [, other] = itemsOf(await client.get(`/chains/${chainId}/actors`));
  const intro = await client.post(`/chains/${chainId}/introductions`, {
    fromActorId: actor?.id,
    toActorId: other?.id,
    reason: 'Ils cherchent tous deux du seigle.',
  });
  if (intro.statusCode !== 201) throw new Error(`introduction: ${intro.body}`);
}
