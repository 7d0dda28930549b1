/**
 * Entry point of `npm start`: reads the settings, loads the knowledge, serves the web chat and the API,
 * and runs the Telegram bot when a token is set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { KnowledgeError } from './knowledge/problem.js';
import { createServices, type Services } from './runtime.js';
import { buildApp } from './server/app.js';
import { createAdmin } from './admin/admin.js';
import { loadOutreach, type OutreachDeps } from './events/setup.js';
import { loadHotQuestions } from './knowledge/hot-questions.js';
import { hasErrors } from './knowledge/load.js';
import { todayInChina } from './knowledge/validity.js';
import { upcomingChanges } from './knowledge/upcoming-changes.js';
import { createTelegramChannel, eventGreetings } from './bot/channel.js';
import { staffCommands } from './bot/features/staff.js';
import { MessageStore } from './messages/message-store.js';
import { consoleSessionKey } from './console/session-key.js';
import { contactWarnings } from './config/contact-warnings.js';
import { guardRejections, startFailureMessage } from './start/process-guard.js';
import { privacySerializers } from './server/request-log.js';
import { DataHealth } from './store/data-health.js';
import { QuestionLog } from './store/question-log.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = pino({
    level: config.logLevel,
    // No addresses, URLs, headers or bodies of requests in the log (request-log.ts writes one safe line each).
    serializers: privacySerializers,
    redact: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]'],
  });
  guardRejections(logger);
  const dataHealth = new DataHealth();
  let built: Services;
  let outreach: OutreachDeps;
  let hotQuestions: string[] | undefined;
  try {
    built = await createServices(config, logger, dataHealth);
    const hot = await loadHotQuestions(config.knowledgeDir);
    if (hasErrors(hot.problems)) throw new KnowledgeError(hot.problems);
    hotQuestions = hot.questions;
    outreach = await loadOutreach({
      knowledgeDir: config.knowledgeDir,
      sources: built.knowledge.sources,
      db: built.db,
      today: todayInChina(),
      publicUrl: config.publicUrl,
      telegramBotUsername: config.telegramBotUsername,
    });
  } catch (err) {
    if (err instanceof KnowledgeError) {
      console.error(err.message);
      logger.fatal('knowledge tree invalid: not starting');
      process.exit(1);
    }
    throw err;
  }
  const { engine, knowledge, service, log, db } = built;
  const reviews = knowledge.problems.filter((p) => p.severity === 'review');
  if (reviews.length) {
    logger.warn({ entries: new Set(reviews.map((p) => p.file)).size }, 'entries cite superseded sources and need review (npm run check-knowledge)');
  }
  for (const warning of contactWarnings(config)) logger.warn(warning);
  const messages = new MessageStore(db, { keepDaysAfterClose: config.messageKeepDays });
  messages.prune();
  for (const c of upcomingChanges(knowledge.sources, todayInChina())) {
    logger.warn({ source: c.source, on: c.on, daysLeft: c.daysLeft }, `a cited source stops being in force soon: ${c.message}`);
  }
  const admin = await createAdmin({
    knowledgeDir: config.knowledgeDir,
    dataDir: dataHealth.inMemory ? degradedDataDir() : config.dataDir,
    staffTokens: config.staffTokens,
    engine,
    knowledge,
    db,
    logger,
  });
  if (!admin.auth.enabled) logger.info('STAFF_TOKENS not set: staff features (/api/admin) are off');
  // 留言 are offered only when someone can read them (staff configured) and they are kept on disk.
  const liveMessages = admin.auth.enabled && !dataHealth.inMemory ? messages : undefined;
  engine.options.contacts.leaveMessage = !!liveMessages;
  if (!liveMessages) logger.info("留言 (visitors' messages) are off: they need STAFF_TOKENS and a writable DATA_DIR");
  const staff = config.staffTelegramIds.length ? staffCommands({ staffIds: config.staffTelegramIds, log, engine, admin }) : undefined;
  const telegram = createTelegramChannel(config, built, logger, {
    events: eventGreetings(outreach.events),
    staff,
    messages: liveMessages,
    quiz: { questions: outreach.questions, results: outreach.results },
  });
  const app = await buildApp({
    engine,
    service,
    logger,
    outreach,
    admin,
    hotQuestions,
    messages: liveMessages,
    sessionKey: consoleSessionKey(config.dataDir, (err) =>
      logger.warn({ err: (err as Error).message }, 'console session key not kept in DATA_DIR: a restart signs clerks out'),
    ),
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitPerAddress: config.rateLimitPerAddress,
    trustProxy: config.trustProxy,
    dataStatus: () => dataHealth.status(),
    metricsSources: { logWriteFailures: () => dataHealth.logFailures },
    ...(telegram?.webhook ? { telegram: { bot: telegram.bot, secret: telegram.webhook.secret } } : {}),
  });
  // An unwritable DATA_DIR: questions are logged again as soon as the folder can be written (the rest of the
  // records stay in memory until the next start).
  if (dataHealth.inMemory) {
    dataHealth.retry(config.dataDir, (fileDb) => {
      service.log = new QuestionLog(fileDb);
      logger.warn('DATA_DIR is writable again: questions are logged again (restart to move the other records to disk)');
    });
  }
  // Prune the question log once a day.
  const pruning = setInterval(() => {
    log.prune(config.questionLogDays);
    messages.prune();
  }, 86_400_000);
  pruning.unref();
  if (!config.telegramToken) logger.info('TELEGRAM_BOT_TOKEN not set: the Telegram channel is off');

  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await telegram?.stop();
    await admin.close();
    await app.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const laws = engine
    .lawLibrary()
    .all()
    .map((l) => `${l.source}: ${l.articles.length} articles`);
  logger.info({ entries: engine.size, laws, url: `http://localhost:${config.port}` }, 'pufa-bot ready');
  // Failures are logged inside; the web chat and the API keep serving whatever the Bot API does.
  void telegram?.start().catch((err: unknown) => logger.error({ err: (err as Error).message }, 'Telegram channel failed to start'));
}

/** A temporary folder for staff revisions while DATA_DIR cannot be used (lost at restart, like the in-memory records). */
function degradedDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pufa-degraded-'));
}

await main().catch((err: unknown) => {
  console.error(startFailureMessage(err));
  process.exit(1);
});
