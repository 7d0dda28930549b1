/** The text of a law shipped as data (knowledge/law-text/<source>/): its articles and where each stands. */

/** One article of a law, with its place in the law's structure. */
export interface LawArticle {
  /** Article number as an integer (1095). */
  number: number;
  /** The article as the law writes it: 第一千零九十五条. */
  article: string;
  /** 编 (第五编　法律责任和附则). */
  part: string;
  /** 分编, when the 编 has them (第二分编　大气污染防治). */
  subpart?: string;
  /** 章 (第二章　法律责任分则). */
  chapter: string;
  /** 节, when the 章 has them (第二节　违反生态环境影响评价管理规定). */
  section?: string;
  /** The article's text without its number; paragraphs (款) separated by a newline. */
  text: string;
}

/** A law's text and where it comes from. */
export interface LawText {
  /** Source id in knowledge/sources.yaml (eco-code). */
  source: string;
  /** Full name (中华人民共和国生态环境法典). */
  name: string;
  /** Short names people use (生态环境法典, 法典), longest first is not required. */
  names: string[];
  /** Number of articles the law has; the loader checks the text against it. */
  articleCount: number;
  /** Where the shipped text was taken from, in Chinese, for the law page. */
  origin: string;
  /** The official text that prevails (国家法律法规数据库), in Chinese. */
  official: string;
  /** Every article, in order (number 1..articleCount). */
  articles: LawArticle[];
}
