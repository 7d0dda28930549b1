/** Start-up warnings about the bureau's contact settings, which every fallback and 「联系我们」 show. */
import type { Config } from './config.js';

/**
 * The warnings to log at start: in production a missing BUREAU_PHONE or BUREAU_ADDRESS leaves visitors with
 * only the hotlines and the 留言 form, so it is said loudly (one line each); elsewhere nothing is said.
 */
export function contactWarnings(config: Pick<Config, 'production' | 'bureauPhone' | 'bureauAddress'>): string[] {
  if (!config.production) return [];
  const out: string[] = [];
  if (!config.bureauPhone) out.push('!!! BUREAU_PHONE is not set: replies and 「联系我们」 show no phone number of the bureau (set BUREAU_PHONE)');
  if (!config.bureauAddress) out.push('!!! BUREAU_ADDRESS is not set: replies and 「联系我们」 show no office address (set BUREAU_ADDRESS)');
  return out;
}
