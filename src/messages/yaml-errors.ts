/**
 * The YAML parser (the `yaml` package) words its errors in English only; these are the Chinese
 * for its error codes, so a clerk reads what is wrong with the line. An unknown code keeps the
 * parser's English.
 */
import type { Phrase } from './format.js';

const YAML_ERRORS_ZH: Record<string, string> = {
  ALIAS_PROPS: '别名不能带标签或锚点',
  BAD_ALIAS: '别名写法不对',
  BAD_DIRECTIVE: '指令（% 开头的行）写法不对',
  BAD_DQ_ESCAPE: '双引号里的转义字符（\\）写法不对',
  BAD_INDENT: '缩进不对：同一层的字段要对齐，下一层要多缩进',
  BAD_PROP_ORDER: '锚点和标签要写在值的前面',
  BAD_SCALAR_START: '这个值不能以此字符开头：以 @ ` | > 等开头的文字请加引号',
  BLOCK_AS_IMPLICIT_KEY: '字段名后面少了冒号，或缩进不对',
  BLOCK_IN_FLOW: '方括号或花括号里不能换行写列表或字段',
  DUPLICATE_KEY: '同一层里字段名重复',
  IMPOSSIBLE: '无法解析',
  KEY_OVER_1024_CHARS: '字段名太长（超过 1024 个字符）',
  MISSING_CHAR: '缺少配对的符号（引号、括号或冒号）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：可能少了冒号，或上一行的引号没有结束',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点',
  MULTIPLE_DOCS: '文件里有不止一份 YAML 文档',
  MULTIPLE_TAGS: '一个值只能有一个标签',
  NON_STRING_KEY: '字段名必须是文字',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  TAG_RESOLVE_FAILED: '无法按标签读取这个值',
  UNEXPECTED_TOKEN: '这里出现了不应有的字符：可能是冒号后少了空格、引号没有配对，或缩进不对',
  BAD_COLLECTION_TYPE: '列表或字段的类型不对',
};

/** The parser's message, and in Chinese the words for its code. */
export function yamlProblem(code: string, message: string): Phrase {
  const zh = YAML_ERRORS_ZH[code];
  return { en: message, zh: zh ?? message };
}
