/**
 * Builds the answer engine from settings: loads and checks the knowledge tree, refusing an invalid one
 * with every problem listed. Shared by the server entry point and the CLI.
 */
import { hasErrors, loadKnowledge, type Knowledge } from './knowledge/load.js';
import { KnowledgeError } from './knowledge/problem.js';
import { todayInChina } from './knowledge/validity.js';
import { AnswerEngine } from './engine/engine.js';
import type { Config } from './config/config.js';

/** Loads the knowledge and builds the engine; throws {@link KnowledgeError} on an invalid tree. */
export async function createEngine(config: Pick<Config, 'knowledgeDir' | 'bureauName' | 'bureauPhone' | 'bureauHours'>): Promise<{
  engine: AnswerEngine;
  knowledge: Knowledge;
}> {
  const knowledge = await loadKnowledge(config.knowledgeDir, todayInChina());
  if (hasErrors(knowledge.problems)) throw new KnowledgeError(knowledge.problems.filter((p) => p.severity === 'error'));
  const engine = new AnswerEngine(knowledge, {
    contacts: { bureauName: config.bureauName, phone: config.bureauPhone, hours: config.bureauHours },
  });
  return { engine, knowledge };
}
