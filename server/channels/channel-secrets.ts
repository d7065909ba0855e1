import { getConfig } from '@/server/runtime-config';
import { isSealed, seal, unseal } from './secret-box';

/** A channel secret as stored (sealed with the instance's channel key). */
export const sealSecret = (plain: string) => seal(getConfig().channelSecretKey, plain);

/** The stored secret in clear, for the server's own calls; null when none is stored or it cannot be opened (another key). */
export function openSecret(sealed: string | undefined): string | null {
  if (!sealed) return null;
  try {
    return unseal(getConfig().channelSecretKey, sealed);
  } catch {
    return null;
  }
}

/**
 * The secrets to store on save: each one typed in is sealed, each one left empty keeps what was stored.
 * Returns them sealed, by key, and whether all are now set.
 */
export function mergeSecrets<K extends string>(
  keys: readonly K[],
  typed: Partial<Record<K, string | undefined>>,
  stored: Partial<Record<K, string | undefined>> | null,
) {
  const sealed = Object.fromEntries(keys.map((k) => [k, typed[k] ? sealSecret(typed[k]) : stored?.[k]])) as Record<K, string | undefined>;
  return { sealed, complete: keys.every((k) => !!sealed[k]) };
}

/** Which secrets are set, for the settings page (never their values). */
export const secretsPresent = <K extends string>(keys: readonly K[], stored: Partial<Record<K, string | undefined>>) =>
  Object.fromEntries(keys.map((k) => [k, !!stored[k]])) as Record<K, boolean>;

/**
 * A password from before secrets were sealed (email inboxes saved by an older version) is still read as
 * it is; `sealStoredPasswords` seals those at start.
 */
export const openPassword = (stored: string | undefined) =>
  stored === undefined || stored === '' ? stored : isSealed(stored) ? (openSecret(stored) ?? '') : stored;
