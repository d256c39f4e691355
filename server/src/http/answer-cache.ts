import type { ChainContext } from './context';

/**
 * Serialized list answers of chain collections, kept in memory and keyed by the chain's data
 * revision (`chains.data_revision`, raised by a statement trigger on every write to the chain's
 * entity tables, migration 0012). The revision is read with the caller's credentials at the start
 * of each request, so an answer cached under it can only be as old as the data the request would
 * have read anyway: a write that commits raises the revision, and every server, this one or
 * another behind the same database, misses its cache on the next request. An answer is also keyed
 * by who asks (role, actor, locale) and by the exact URL (filters, cursor, limit).
 *
 * A race cannot serve stale data: when a write commits between reading the revision and reading
 * the rows, the answer built is newer than its key, never older.
 */
export class AnswerCache {
  private readonly entries = new Map<string, string>();
  /** The newest revision seen per chain: answers under older ones are dropped. */
  private readonly revisions = new Map<string, number>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly maxEntries = 5000,
  ) {}

  /** The key of a list answer, or null when the context has no revision (nothing is cached). */
  static key(chain: ChainContext, locale: string, url: string): string | null {
    if (chain.dataRevision === undefined) return null;
    return `${chain.id}\u0000${chain.dataRevision}\u0000${chain.role}\u0000${chain.actorId ?? ''}\u0000${locale}\u0000${url}`;
  }

  get(chain: ChainContext, key: string): string | undefined {
    this.advance(chain);
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Least recently used first: a hit moves to the end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(chain: ChainContext, key: string, value: string) {
    this.advance(chain);
    // An answer built under an older revision than one already seen is never stored.
    if ((chain.dataRevision ?? -1) < (this.revisions.get(chain.id) ?? -1)) return;
    if (value.length > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous !== undefined) this.remove(key, previous);
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.remove(oldKey, oldValue);
    }
  }

  get size() {
    return this.entries.size;
  }

  /** Drops a chain's answers cached under revisions older than the one this request read. */
  private advance(chain: ChainContext) {
    const revision = chain.dataRevision;
    if (revision === undefined) return;
    const known = this.revisions.get(chain.id);
    if (known !== undefined && known >= revision) return;
    this.revisions.set(chain.id, revision);
    if (known === undefined) return;
    const prefix = `${chain.id}\u0000`;
    for (const [key, value] of this.entries) if (key.startsWith(prefix)) this.remove(key, value);
  }

  private remove(key: string, value: string) {
    this.entries.delete(key);
    this.bytes -= value.length;
  }
}

/**
 * The tenant tables without revision triggers (migration 0012): high-volume tables that no cached
 * answer reads. A test checks that every other table with a `chain_id` has them, so a new table
 * cannot be forgotten.
 */
export const REVISION_EXEMPT_TABLES: readonly string[] = [
  'audit_log',
  'imports',
  'notifications',
  'observations',
  'observation_rollups',
];
