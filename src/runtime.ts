/**
 * Builds the application's services from settings: loads and checks the knowledge tree (refusing an invalid
 * one with every problem listed), builds the engine, opens the database and the question log. Shared by the
 * server entry point and the CLI; only main.ts also starts channels.
 */
import path from 'node:path';
import { hasErrors, loadKnowledge, type Knowledge } from './knowledge/load.js';
import { KnowledgeError } from './knowledge/problem.js';
import { todayInChina } from './knowledge/validity.js';
import { AnswerEngine } from './engine/engine.js';
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type Db } from './store/database.js';
import { QuestionLog } from './store/question-log.js';
import { AskService } from './service/ask-service.js';
import type { DataHealth } from './store/data-health.js';
import type { ConversationStore } from './engine/conversation.js';
import { SqliteConversationStore } from './store/conversation-store.js';

/**
 * Loads the knowledge and builds the engine; throws {@link KnowledgeError} on an invalid tree. `conversations`:
 * where follow-up context is kept (default: the engine's own memory).
 */
export async function createEngine(
  config: Pick<Config, 'knowledgeDir' | 'bureauName' | 'bureauPhone' | 'bureauHours'> & Partial<Pick<Config, 'bureauAddress' | 'bureauMapUrl'>>,
  conversations?: ConversationStore,
): Promise<{
  engine: AnswerEngine;
  knowledge: Knowledge;
}> {
  const knowledge = await loadKnowledge(config.knowledgeDir, todayInChina());
  if (hasErrors(knowledge.problems)) throw new KnowledgeError(knowledge.problems.filter((p) => p.severity === 'error'));
  const engine = new AnswerEngine(knowledge, {
    conversations,
    contacts: {
      bureauName: config.bureauName,
      phone: config.bureauPhone,
      hours: config.bureauHours,
      address: config.bureauAddress ?? '',
      mapUrl: config.bureauMapUrl,
    },
  });
  return { engine, knowledge };
}

/** Everything the channels need. */
export interface Services {
  engine: AnswerEngine;
  knowledge: Knowledge;
  db: Db;
  log: QuestionLog;
  service: AskService;
}

/**
 * The engine plus the database (DATA_DIR/pufa.db, created and migrated) and the question log.
 * `logger` hears of questions that could not be recorded (default: none).
 */
export async function createServices(config: Config, logger?: Pick<Logger, 'error'>, health?: DataHealth): Promise<Services> {
  // With `health`, an unwritable DATA_DIR gives an in-memory database and a degraded status instead of a stop.
  const db = health ? health.open(config.dataDir, logger) : openDatabase(path.join(config.dataDir, 'pufa.db'));
  // Conversations live in the database, so follow-ups survive a restart and every process sees them.
  const { engine, knowledge } = await createEngine(config, new SqliteConversationStore(db)).catch((err: unknown) => {
    db.close();
    throw err;
  });
  const log = new QuestionLog(db);
  log.prune(config.questionLogDays);
  const onLogError = (err: unknown) => {
    health?.logWrite(false);
    logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'question not recorded in the log');
  };
  return { engine, knowledge, db, log, service: new AskService(engine, log, onLogError, () => health?.logWrite(true)) };
}
