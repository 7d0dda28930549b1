/**
 * The `--try '<json>'` option of the quality benches (bench:quality, tune-loo, leave-entry-out): one JSON object of
 * decision options merged over {@link DEFAULT_DECISION} (`long` merged too), plus `complaintGuideEntryId`, an engine
 * option ("" turns the general complaint guide off).
 */
import { DEFAULT_DECISION, type DecisionOptions } from '../src/engine/decide.js';
import type { EngineOptions } from '../src/engine/engine.js';

/** The engine options of one `--try` JSON text. */
export function tryOptions(json: string): Partial<EngineOptions> {
  const { complaintGuideEntryId, ...o } = JSON.parse(json) as Partial<DecisionOptions> & { complaintGuideEntryId?: string };
  const decision = { ...DEFAULT_DECISION, ...o, long: { ...DEFAULT_DECISION.long, ...(o.long ?? {}) } };
  return complaintGuideEntryId === undefined ? { decision } : { decision, complaintGuideEntryId };
}

/** The default engine and each `--try` variant, named by its JSON, to run side by side. */
export function variantsOf(tries: readonly string[] = []): [string, Partial<EngineOptions>][] {
  return [['default', {}], ...tries.map((json): [string, Partial<EngineOptions>] => [json, tryOptions(json)])];
}
