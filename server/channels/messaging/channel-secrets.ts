import { getConfig } from '@/server/runtime-config';
import { seal, unseal } from './secret-box';

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
