import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A new entity id: UUIDv7, so ids sort by creation time and serve as pagination cursors. */
export const newId = (): string => v7();

/** A random secret, URL-safe. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** sha256 of a secret: what the database keeps of session ids and API tokens. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
