import { resolve } from 'node:path';

/** Configuration from the environment (README "Configuration"). */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  demo: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** MapLibre style for the geography view; none: points on a plain background. */
  mapStyleUrl: string | undefined;
  /** Hours between scheduled backups of the embedded database (0: none). */
  backupIntervalHours: number;
  /** How many scheduled backups of the embedded database to keep. */
  backupKeep: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl =
    env.PUBLIC_URL ??
    `http://${host === '0.0.0.0' ? 'localhost' : host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, not "${publicUrl}".`);
  }
  if (env.MAP_STYLE_URL) {
    try {
      new URL(env.MAP_STYLE_URL);
    } catch {
      throw new ConfigError(`MAP_STYLE_URL must be an absolute URL, not "${env.MAP_STYLE_URL}".`);
    }
  }
  const backupIntervalHours = Number(env.TISSERAND_BACKUP_INTERVAL_HOURS ?? 24);
  if (!Number.isFinite(backupIntervalHours) || backupIntervalHours < 0)
    throw new ConfigError(
      `TISSERAND_BACKUP_INTERVAL_HOURS must be a number of hours (0 for none), not "${env.TISSERAND_BACKUP_INTERVAL_HOURS}".`,
    );
  const backupKeep = Number(env.TISSERAND_BACKUP_KEEP ?? 7);
  if (!Number.isInteger(backupKeep) || backupKeep < 1)
    throw new ConfigError(
      `TISSERAND_BACKUP_KEEP must be a whole number ≥ 1, not "${env.TISSERAND_BACKUP_KEEP}".`,
    );
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    port,
    host,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    demo: env.TISSERAND_DEMO !== '0',
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: env.LOG_LEVEL ?? 'warn',
    mapStyleUrl: env.MAP_STYLE_URL || undefined,
    backupIntervalHours,
    backupKeep,
  };
}
