/**
 * The YAML parser (the `yaml` package) words its errors in English only, by error code; these
 * are the words a clerk reads instead: for each code, what is wrong and what to do, in Chinese.
 *
 * Some codes cover several problems (MISSING_CHAR is an unclosed quote, a missing `-`, a line
 * without a colon, …). Where src/records/parse-yaml.ts tells them apart from the parser's tokens,
 * it passes a YamlErrorKind, whose texts say exactly what is wrong, in both languages. Otherwise
 * the English is the parser's own message (it is specific) and the Chinese is the code's.
 * An unknown code keeps the parser's English.
 */
import type { Phrase } from './format.js';

/** Problems told apart from the parser's tokens, not from its wording. */
export type YamlErrorKind =
  | 'unclosed-double-quote'
  | 'unclosed-single-quote'
  | 'unclosed-flow-seq'
  | 'unclosed-flow-map'
  | 'seq-item-without-dash'
  | 'key-without-colon';

interface Text {
  /** What is wrong. */
  zh: string;
  /** What to do. */
  hint: string;
}

const YAML_ERRORS_ZH: Record<string, Text> = {
  ALIAS_PROPS: { zh: '别名（*名称）不能再带锚点（&）或标签（!）', hint: '请删去别名前面的 & 或 ! 部分' },
  BAD_ALIAS: { zh: '锚点（&）或别名（*）的名称不对：不能为空，也不能以冒号结尾', hint: '请在 & 或 * 后面紧接着写上名称；文字以 & 或 * 开头时请加引号' },
  BAD_DIRECTIVE: { zh: '指令（% 开头的行）写法不对', hint: '记录文件不需要指令，请删去这一行；文字以 % 开头时请加引号' },
  BAD_DQ_ESCAPE: { zh: '双引号里的反斜杠（\\）后面不是有效的转义字符', hint: '要写反斜杠本身请写成 \\\\，或把双引号改成单引号' },
  BAD_INDENT: { zh: '缩进不对：同一层的字段或列表项要从同一列开始', hint: '请用空格把这一行和同一层的其他行对齐，下一层要比上一层多缩进' },
  BAD_PROP_ORDER: { zh: '锚点（&）和标签（!）要写在“- ”或“? ”的后面', hint: '请把 & 或 ! 部分移到值的前面' },
  BAD_SCALAR_START: { zh: '这个值以 YAML 保留的字符（如 @ 或 `）开头', hint: '请给整个值加上引号' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '值里出现了“冒号加空格”，被当成了又一个字段', hint: '值里有冒号时请给整个值加上引号；要写下一层字段，请换行并缩进' },
  BLOCK_IN_FLOW: { zh: '方括号或花括号里不能换行写列表项（- ）或字段', hint: '括号里的各项请用逗号隔开，或去掉括号改成多行写法' },
  DUPLICATE_KEY: { zh: '同一层里字段名重复', hint: '请删去或改名其中一个' },
  IMPOSSIBLE: { zh: '无法解析这里的 YAML', hint: '请检查这里的写法，必要时给值加上引号' },
  KEY_OVER_1024_CHARS: { zh: '字段名太长（超过 1024 个字符）', hint: '请缩短字段名；长文字要写在冒号后面，作为值' },
  MISSING_CHAR: { zh: '这里缺少必需的符号（逗号、冒号、空格或“- ”）', hint: '请对照上下文补上缺少的符号' },
  MULTILINE_IMPLICIT_KEY: { zh: '字段名不能跨行', hint: '请检查这一行是否少了冒号，或引号没有结束' },
  MULTIPLE_ANCHORS: { zh: '一个值只能有一个锚点（&）', hint: '请删去多余的锚点' },
  MULTIPLE_DOCS: { zh: '文件里有不止一份 YAML 文档', hint: '一个文件只写一份记录，请拆开' },
  MULTIPLE_TAGS: { zh: '一个值只能有一个标签（!）', hint: '请删去多余的标签' },
  NON_STRING_KEY: { zh: '字段名必须是文字', hint: '请把字段名写成普通文字' },
  RESOURCE_EXHAUSTION: { zh: 'YAML 嵌套或别名太多，无法读取', hint: '请减少嵌套层数和别名' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进', hint: '请改用空格缩进' },
  TAG_RESOLVE_FAILED: { zh: '无法识别的标签（! 开头）', hint: '请删去标签；文字以 ! 开头时请加引号' },
  UNEXPECTED_TOKEN: { zh: '这里有多余的内容，或符号放错了位置', hint: '请删去多余的部分；值里有引号、逗号、括号或“: ”时，请给整个值加上引号' },
  BAD_COLLECTION_TYPE: { zh: '标签（!）与值的类型不符（列表或字段）', hint: '请删去标签' },
};

const KINDS: Record<YamlErrorKind, { en: string; zh: string; hint: string }> = {
  'unclosed-double-quote': {
    en: 'the double quote (") that starts here is never closed: end the value with "',
    zh: '这里开头的双引号 " 没有配对的结束引号',
    hint: '请在这个值的末尾补上 "（值里要写双引号本身，请写成 \\"）',
  },
  'unclosed-single-quote': {
    en: "the single quote (') that starts here is never closed: end the value with '",
    zh: "这里开头的单引号 ' 没有配对的结束引号",
    hint: "请在这个值的末尾补上 '（值里要写单引号本身，请写成 ''）",
  },
  'unclosed-flow-seq': {
    en: 'the [ that starts here has no matching ]: end the list with ], and indent any continued lines more than the field name',
    zh: '这里开头的方括号 [ 没有配对的 ]',
    hint: '请在列表末尾补上 ]；列表写成多行时，后面各行要比字段名多缩进',
  },
  'unclosed-flow-map': {
    en: 'the { that starts here has no matching }: end it with }, and indent any continued lines more than the field name',
    zh: '这里开头的花括号 { 没有配对的 }',
    hint: '请在末尾补上 }；写成多行时，后面各行要比字段名多缩进',
  },
  'seq-item-without-dash': {
    en: 'this line is inside a list but does not start with "- ", nor line up with the item above: start a new item with "- ", or align the line with the fields above',
    zh: '这一行在列表里，但没有以“- ”开头，也没有和上一项的内容对齐',
    hint: '新的一项请以“- ”开头；属于上一项的字段，请和上一项的字段对齐',
  },
  'key-without-colon': {
    en: 'this line has no colon: it is neither `field: value` nor a list item ("- "); write `field: value`, start a list item with "- ", or indent a continued line more than the field name',
    zh: '这一行没有冒号，既不是“字段: 值”，也不是以“- ”开头的列表项',
    hint: '字段请写成“字段名: 值”；列表的一项请以“- ”开头；上一行的续写请比字段名多缩进',
  },
};

/** The parser's message, and in Chinese the words for its code. */
export function yamlProblem(code: string, message: string): Phrase {
  return { en: message, zh: YAML_ERRORS_ZH[code]?.zh ?? message };
}

/**
 * The `detail` and `suggestion` of a `yaml/syntax` diagnostic: what is wrong, and what to do.
 * The English says both in the detail and keeps the general hint, as the parser's English
 * messages (used for codes without a kind) do not say what to do.
 */
export function yamlSyntaxProblem(code: string, kind: YamlErrorKind | undefined, message: string): { detail: Phrase; suggestion: Phrase } {
  const known = kind ? KINDS[kind] : undefined;
  const text = YAML_ERRORS_ZH[code];
  return {
    detail: { en: known?.en ?? message, zh: known?.zh ?? text?.zh ?? message },
    suggestion: { en: 'fix the YAML syntax', zh: known?.hint ?? text?.hint ?? '请检查这里的 YAML 写法' },
  };
}
