/**
 * The shape of quiz files (普法知识竞答): knowledge/quiz/<topic>.yaml holds the questions of one topic.
 * The TypeBox schema is the single source of truth for the type and the validation.
 */
import { Type, type Static } from '@sinclair/typebox';
import { TOPICS, type Topic } from '../knowledge/schema.js';

/** One quiz question. */
export const QuizQuestionSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description: 'Unique id: lower-case letters, digits and hyphens.' }),
    question: Type.String({ minLength: 4, maxLength: 120, description: 'The question, in Chinese.' }),
    options: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 2, maxItems: 4, description: '2 to 4 choices.' }),
    answer: Type.Integer({ minimum: 0, description: 'Index of the right option, counting from 0 (the first option is 0).' }),
    explanation: Type.String({ minLength: 4, maxLength: 120, description: 'One line saying why, in plain Chinese.' }),
    basis: Type.Object(
      {
        source: Type.String({ minLength: 1, description: 'The id of a source in knowledge/sources.yaml.' }),
        article: Type.String({ minLength: 1, maxLength: 40, description: 'Where in the source: 第十四条, 表1, 附表一.' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** One quiz file: a topic and its questions. */
export const QuizFileSchema = Type.Object(
  {
    topic: Type.Union(
      (Object.keys(TOPICS) as Topic[]).map((t) => Type.Literal(t)),
      { description: `One of: ${Object.keys(TOPICS).join(', ')}.` },
    ),
    questions: Type.Array(QuizQuestionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** A quiz question as written. */
export type QuizQuestionInput = Static<typeof QuizQuestionSchema>;

/** A loaded quiz question with its topic. */
export interface QuizQuestion extends QuizQuestionInput {
  topic: Topic;
}
