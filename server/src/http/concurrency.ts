import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

/** Sets `ETag: "<version>"` on the answer of one entity. */
export function setEtag(reply: FastifyReply, entity: { version: number }) {
  reply.header('etag', `"${entity.version}"`);
}

/** The version a PATCH or DELETE expects: `If-Match` is required (428), an unreadable one never matches (412). */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new HttpError(428, 'Send If-Match with the ETag you read, so that nobody’s change is lost.');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match?.[1]) throw new HttpError(412, 'If-Match does not name a version of this entity.');
  return Number(match[1]);
}

export const staleVersion = () =>
  new HttpError(412, 'Someone changed this since you read it; reload it and apply your change again.');
