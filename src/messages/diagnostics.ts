/**
 * Every problem report can print, keyed by its diagnostic code, in English and Chinese: the
 * message, and what to do about it. Stages report a code and arguments; the CLI prints the text
 * in the chosen language. A test checks that both languages exist for every code and use the
 * same arguments, and README.md's 错误代码 table lists every code.
 *
 * Arguments are data (a field path, a value as found, a number) or phrases that differ by
 * language (`found`, `expected`, `label`). Chinese texts quote with “” and use full-width
 * punctuation; `{field}` in Chinese is the path followed by the field's Chinese name.
 */
import type { Entry } from './format.js';

export const DIAGNOSTICS = {
  // --- reading files -------------------------------------------------------------------------
  'io/not-found': {
    en: 'no such file or folder',
    zh: '没有这个文件或文件夹',
    hint: { en: 'check the path', zh: '请检查路径是否写对' },
  },
  'io/not-a-file': {
    en: 'not a file',
    zh: '这不是文件',
    hint: { en: 'give a record file (.yaml)', zh: '请给出记录文件（.yaml）' },
  },
  'io/too-large': {
    en: 'file is {size} bytes, more than the limit of {limit}',
    zh: '文件有 {size} 字节，超过 {limit} 字节的上限',
    hint: { en: 'split it, or raise REPORT_MAX_INPUT_BYTES', zh: '请拆分文件，或调大环境变量 REPORT_MAX_INPUT_BYTES' },
  },
  'io/read': {
    en: 'cannot read the file ({reason})',
    zh: '无法读取文件（{reason}）',
    hint: { en: 'check the path and its permissions', zh: '请检查路径和读取权限' },
  },
  'io/binary': {
    en: 'the file looks binary, not text',
    zh: '这个文件像是二进制文件，不是文本',
    hint: { en: 'give a text file', zh: '请给出文本文件（.yaml 或 .txt）' },
  },
  'io/encoding': {
    en: 'the file is not text in a known encoding',
    zh: '无法识别文件的文字编码',
    hint: { en: 'save it as UTF-8', zh: '请在编辑器里另存为 UTF-8 编码' },
  },
  'io/encoding-assumed': {
    en: 'not UTF-8; read as {encoding}',
    zh: '不是 UTF-8 编码，已按 {encoding} 读取',
    hint: { en: 'save it as UTF-8 to be sure', zh: '为稳妥起见，请另存为 UTF-8 编码' },
  },
  'io/stray-bytes': {
    en: '{count} byte(s) here and after are not UTF-8 (the rest of the file is); read one by one as Latin-1 characters for the repair to take',
    zh: '此处起有 {count} 个字节不是 UTF-8 编码（文件其余部分是），已逐字节读作拉丁字符交由乱码修复处理',
    hint: { en: 'check the repaired text and save the file as UTF-8', zh: '请核对修复结果，并把文件另存为 UTF-8 编码' },
  },
  'io/empty-folder': {
    en: 'no .yaml or .yml files in this folder',
    zh: '这个文件夹里没有 .yaml 或 .yml 文件',
    hint: { en: 'give the folder that holds the record files', zh: '请给出存放记录文件的文件夹' },
  },

  // --- YAML --------------------------------------------------------------------------------
  'yaml/syntax': {
    en: '{detail}',
    zh: 'YAML 格式错误：{detail}',
    // What to do depends on the problem: src/messages/yaml-errors.ts words it for each.
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'yaml/warning': {
    en: '{detail}',
    zh: 'YAML 提示：{detail}',
    hint: { en: 'check the YAML here', zh: '请检查这里的 YAML 写法' },
  },
  'yaml/tabs': {
    en: 'the file is indented with tabs, which YAML does not allow; each leading tab was read as {width} spaces',
    zh: '文件用了 Tab 缩进，YAML 不允许；每个行首 Tab 已按 {width} 个空格读取',
    hint: { en: 'indent with spaces', zh: '请改用空格缩进' },
  },
  'yaml/documents': {
    en: 'the file holds more than one YAML document (a second `---`)',
    zh: '文件里有不止一份 YAML 文档（出现了第二个 `---`）',
    hint: { en: 'one record per file: split it', zh: '一个文件只写一份记录，请拆开' },
  },
  'yaml/too-deep': {
    en: 'the YAML is nested more than {max} levels deep{aliases}',
    zh: 'YAML 嵌套超过 {max} 层{aliases}',
    hint: { en: 'flatten the structure; a record needs only a few levels', zh: '请减少嵌套层数，记录文件只需要几层' },
  },
  'yaml/more-errors': {
    en: '{count} more YAML {count|error|errors} not shown',
    zh: '另有 {count} 处 YAML 错误未列出',
    hint: { en: 'fix the ones above first', zh: '请先改正上面列出的错误' },
  },
  'yaml/aliases': {
    en: 'more than {max} aliases (*name)',
    zh: '别名（*名称）超过 {max} 个',
    hint: { en: 'write the values out; a record needs only a few aliases', zh: '请直接写出取值，记录文件只需要很少的别名' },
  },
  'yaml/alias-expansion': {
    en: 'aliases repeat more than {max} values and characters',
    zh: '别名展开后超过 {max} 个值和字符',
    hint: { en: 'write the values out; a record needs only a few aliases', zh: '请直接写出取值，记录文件只需要很少的别名' },
  },
  'yaml/alias': {
    en: 'the alias *{name} refers to no anchor &{name} before it',
    zh: '别名 *{name} 前面没有对应的锚点 &{name}',
    hint: { en: 'define &{name} first', zh: '请先用 &{name} 定义' },
  },
  'yaml/complex-key': {
    en: 'a key must be text, not a list or a mapping',
    zh: '字段名必须是文字，不能是列表或键值对',
    hint: { en: 'write the key as plain text', zh: '请把字段名写成普通文字' },
  },
  'yaml/duplicate-key': {
    en: 'the field `{key}` appears twice in this mapping',
    zh: '字段 `{key}` 在同一层出现了两次',
    hint: { en: 'remove or rename one of the keys', zh: '请删去或改名其中一个' },
  },

  // --- records -----------------------------------------------------------------------------
  'record/empty': {
    en: 'the file is empty',
    zh: '文件是空的',
    hint: { en: 'write a record: kind:, title:, unit:, …', zh: '请写上记录内容：kind:、title:、unit: 等' },
  },
  'record/not-a-mapping': {
    en: 'the file holds {found}, not a record',
    zh: '文件里是{found}，不是一份记录',
    hint: { en: 'start the file with fields such as `kind:` and `title:`', zh: '请以 `kind:`、`title:` 等字段开头' },
  },
  'record/data-file': {
    en: 'this is a data file (only `activities`, `honors`, `metrics`), not a document',
    zh: '这是台账数据文件（只有 `activities`、`honors`、`metrics`），不是公文记录',
    hint: { en: "name it in a document's `data:` and build the document; folder builds skip data files", zh: '请在公文记录的 `data:` 里引用它，然后生成那份公文；生成整个文件夹时会自动跳过台账数据文件' },
  },
  'schema/type': {
    en: '{field} must be {expected} (found {found})',
    zh: '{field} 应为{expected}（当前为{found}）',
    hint: { en: 'write {expected} here', zh: '请在这里填写{expected}' },
  },
  'schema/form': {
    en: '{field} has the wrong form (found {found})',
    zh: '{field} 的写法不对（当前为{found}）',
    hint: { en: 'README.md lists the fields and how to write them', zh: 'README.md 的字段表写明了每个字段的写法' },
  },
  'schema/missing': {
    en: 'missing required field {field}',
    zh: '缺少必填字段 {field}',
    hint: { en: 'add `{key}:`', zh: '请补上 `{key}:`' },
  },
  'schema/value': {
    en: '{field} is {found}, expected one of {options}',
    zh: '{field} 的值{found}不在可选范围内，可选：{options}',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'schema/kind': {
    en: '`kind` is {found}, expected one of {options}',
    zh: '未知文种{found}，可选：{options}',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'schema/unknown-key': {
    en: 'unknown field {field}',
    zh: '未知字段 {field}',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'schema/empty': {
    en: '{field} must not be empty',
    zh: '{field} 不能为空',
    hint: { en: 'write something, or remove the field', zh: '请填写内容，或删去这个字段' },
  },
  'schema/range': {
    en: '{field} must be {bound} (found {found})',
    zh: '{field} 应{bound}（当前为{found}）',
    hint: { en: 'correct the number', zh: '请改正这个数' },
  },
  'schema/too-few': {
    en: '{field} must have at least {min} {min|item|items} (found {found})',
    zh: '{field} 至少要有 {min} 项（当前为{found}）',
    hint: { en: 'add to the list, or remove the field', zh: '请补上内容，或删去这个字段' },
  },
  'schema/date': {
    en: '{field} is not a real date (found {found})',
    zh: '{field} 不是有效日期（当前为{found}）',
    hint: { en: 'write YYYY-MM-DD, YYYY-MM or YYYY', zh: '请写成 年-月-日、年-月 或 年，如 2024-03-15' },
  },
  'schema/invalid': {
    en: '{field}: {detail}',
    zh: '{field} 有误：{detail}',
    hint: { en: 'README.md lists the fields and how to write them', zh: 'README.md 的字段表写明了每个字段的写法' },
  },
  'schema/period': {
    en: '`period.to` is before `period.from`',
    zh: '`period.to`（截止）早于 `period.from`（起始）',
    hint: { en: 'swap them', zh: '请把两者对调' },
  },

  // --- data files (`data:`) and the roll-up -------------------------------------------------
  'data/empty': {
    en: 'the data file is empty',
    zh: '台账数据文件是空的',
    hint: { en: 'add `activities:`, `honors:` or `metrics:`', zh: '请写上 `activities:`、`honors:` 或 `metrics:`' },
  },
  'data/not-a-mapping': {
    en: 'the data file holds {found}, not a mapping',
    zh: '台账数据文件里是{found}，不是键值对',
    hint: { en: 'start the file with `activities:`, `honors:` or `metrics:`, each a list', zh: '请以 `activities:`、`honors:` 或 `metrics:` 开头，每项是一个列表' },
  },
  'data/unknown-key': {
    en: 'unknown field {field}',
    zh: '未知字段 {field}',
    hint: { en: 'a data file holds only activities, honors and metrics{suggestion}', zh: '台账数据文件只能有 activities、honors 和 metrics{suggestion}' },
  },
  'data/pattern': {
    en: '`data` pattern "{pattern}" cannot be read ({detail})',
    zh: '`data` 路径“{pattern}”无法读取（{detail}）',
    hint: { en: 'fix the pattern', zh: '请改正这个路径' },
  },
  'data/no-match': {
    en: '`data` pattern "{pattern}" matches no file',
    zh: '`data` 路径“{pattern}”没有匹配到任何文件',
    hint: { en: "patterns are relative to {base}'s folder", zh: '路径是相对于 {base} 所在文件夹的' },
  },
  'rollup/undated': {
    en: '{what} "{title}" has no date: {outcome} {label}',
    zh: '{what}“{title}”没有日期：{outcome}{label}',
    hint: { en: 'add `date:` so it can be placed in the period', zh: '请补上 `date:`，以便判断是否在期间内' },
  },
  'rollup/partly-dated': {
    en: '{what} "{title}" dated {date} is only partly inside {label}: {outcome}',
    zh: '{what}“{title}”的日期 {date} 只有一部分在{label}内：{outcome}',
    hint: { en: 'give the date more precisely', zh: '请把日期写得更具体' },
  },
  'rollup/outside-period': {
    en: '{count} {what} outside {label} left out',
    zh: '有 {count} 条{what}不在{label}内，未计入',
  },
  'rollup/duplicate': {
    en: '{what} "{title}"{when} is recorded twice ({first} and {second}): kept the first',
    zh: '{what}“{title}”{when}记录了两次（{first} 和 {second}）：保留第一条',
    hint: { en: 'remove one of them', zh: '请删去其中一条' },
  },
  'rollup/metric-conflict': {
    en: 'metric "{name}" is given as a single value here and as dated values ({other}): the single value is used',
    zh: '指标“{name}”在这里是单个数值，在 {other} 又是按日期的多条数值：采用单个数值',
    hint: { en: 'remove one of them', zh: '请删去其中一种写法' },
  },
  'rollup/metric-aggregate': {
    en: 'metric "{name}" has `aggregate: {here}` here but `{used}` elsewhere: using {used}',
    zh: '指标“{name}”这里是 `aggregate: {here}`，别处是 `{used}`：采用 {used}',
    hint: { en: 'give every entry of a metric the same aggregate, or only the first', zh: '同一指标的各条数据请用相同的 aggregate，或只在第一条写' },
  },
  'rollup/metric-unit': {
    en: 'metric "{name}" is in {here} here but in {used} elsewhere: using {used}',
    zh: '指标“{name}”这里的单位是 {here}，别处是 {used}：采用 {used}',
    hint: { en: 'give every entry the same unit', zh: '请给每条数据用相同的单位' },
  },
  'rollup/metric-no-value': {
    en: 'metric "{name}" has no value in {label}: left out',
    zh: '指标“{name}”在{label}内没有数值：未计入',
    hint: { en: 'add a value dated in the period', zh: '请补上期间内日期的数值' },
  },

  // --- text repair -------------------------------------------------------------------------
  'text/mojibake': {
    en: 'repaired garbled text ({kind}): "{before}" → "{after}"',
    zh: '已修复乱码（{kind}）：“{before}”→“{after}”',
    hint: { en: 'fix it in the record file', zh: '请在记录文件里改正' },
  },
  'text/unrecoverable': {
    en: 'lost characters "{text}" cannot be restored',
    zh: '丢失的字符“{text}”无法恢复',
    hint: { en: 'retype them from the original document', zh: '请对照原件重新录入' },
  },
  'dictionary/invalid': {
    en: '{detail}',
    zh: '自定义词典有误：{detail}',
    hint: { en: 'write `source: target` (YAML) or `source<TAB>target` lines', zh: '每条写成 `原词: 目标词`（YAML），或一行一条 `原词<Tab>目标词`' },
  },

  // --- templates ---------------------------------------------------------------------------
  'template/not-found': {
    en: '{option}template file {value} not found',
    zh: '{option}找不到模板文件 {value}',
    hint: { en: 'looked for {file}', zh: '查找的位置：{file}' },
  },
  'template/unknown-name': {
    en: '{option}no template named `{value}`',
    zh: '{option}没有名为 `{value}` 的模板',
    hint: { en: 'available: {names}; `report templates` lists them, a path to a .hbs file also works', zh: '可选：{names}；`report templates` 可列出全部，也可以写 .hbs 文件的路径' },
  },
  'template/read': {
    en: 'cannot read the template ({reason})',
    zh: '无法读取模板（{reason}）',
    hint: { en: 'check the path and its permissions', zh: '请检查路径和读取权限' },
  },
  'template/unclosed-block': {
    en: '`{{#{name}}}` is never closed',
    zh: '`{{#{name}}}` 没有结束',
    hint: { en: 'close it with {{/{name}}}', zh: '请用 {{/{name}}} 结束' },
  },
  'template/unclosed-mustache': {
    en: '`{{` is never closed',
    zh: '`{{` 没有结束',
    hint: { en: 'end it with }}', zh: '请用 }} 结束' },
  },
  'template/syntax': {
    en: 'syntax error: unexpected {got}',
    zh: '模板语法错误：这里不应出现 {got}',
    hint: { en: 'expected {expected}', zh: '这里应为 {expected}' },
  },
  'template/mismatch': {
    en: '`{{#{open}}}` is closed by `{{/{close}}}`',
    zh: '`{{#{open}}}` 被 `{{/{close}}}` 结束了',
    hint: { en: 'close it with {{/{open}}}, or open {{#{close}}} first', zh: '请用 {{/{open}}} 结束，或先写 {{#{close}}}' },
  },
  'template/unknown-helper': {
    en: 'unknown helper `{name}`',
    zh: '未知的辅助函数 `{name}`',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'template/unknown-partial': {
    en: 'partial `{name}` not found',
    zh: '找不到子模板 `{name}`',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'template/not-text': {
    en: '`{name}` is {found}, not text',
    zh: '`{name}` 是{found}，不是文字',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'template/helper-failed': {
    en: '`{name}`: {detail}',
    zh: '辅助函数 `{name}` 出错：{detail}',
    hint: { en: 'check what the template passes to it', zh: '请检查模板传给它的参数' },
  },
  'template/async-helper': {
    en: '`{name}` returned a Promise',
    zh: '辅助函数 `{name}` 返回了 Promise',
    hint: { en: 'helpers must return their text directly (no async)', zh: '辅助函数必须直接返回文字（不能用 async）' },
  },
  'template/error': {
    en: '{detail}',
    zh: '模板出错：{detail}',
    hint: { en: 'fix the template', zh: '请修改模板' },
  },
  'template/helpers': {
    en: 'cannot load the helpers: {detail}',
    zh: '无法载入辅助函数：{detail}',
    hint: { en: '{file} is a JavaScript module: export function name(…) { return "text"; }', zh: '{file} 是 JavaScript 模块：export function name(…) { return "文字"; }' },
  },
  'template/helper-builtin': {
    en: '`{name}` is a Handlebars built-in and is not replaced',
    zh: '`{name}` 是 Handlebars 内置函数，不能替换',
    hint: { en: 'give your helper another name', zh: '请给你的辅助函数换个名字' },
  },
  'template/missing-field': {
    en: '{field} is missing: {place} printed nothing{times}',
    zh: '缺少 {field}：{place} 处没有输出内容{times}',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },

  // --- writing -----------------------------------------------------------------------------
  'output/collision': {
    en: 'its output would overwrite the output of {earlier}',
    zh: '它的输出文件会覆盖 {earlier} 的输出文件',
    hint: { en: 'rename one of the files or build them into separate folders', zh: '请给其中一个改名，或分别输出到不同文件夹' },
  },
  'output/write': {
    en: 'cannot write {file} ({reason})',
    zh: '无法写入 {file}（{reason}）',
    hint: { en: '{suggestion}', zh: '{suggestion}' },
  },
  'output/unsafe-folder': {
    en: 'leads through a symbolic link to {real}, outside the working folder',
    zh: '经符号链接指向工作文件夹之外的 {real}',
    hint: { en: 'to write there, give its real path: {real}', zh: '如确要写到那里，请直接给出实际路径：{real}' },
  },
  'docx/characters': {
    en: '{count} {count|character|characters} not allowed in a Word file {count|was|were} removed',
    zh: '已删去 {count} 个 Word 文件不允许的字符',
    hint: { en: 'they are control characters; delete them from the record', zh: '它们是控制字符，请从记录里删去' },
  },
  'docx/invisible': {
    en: '{count} invisible {count|character|characters} removed from the Word file: {list}',
    zh: '已从 Word 文件中删去 {count} 个不可见字符：{list}',
    hint: { en: 'they hide or reorder text; delete them from the record', zh: '它们会隐藏文字或打乱顺序，请从记录里删去' },
  },
  'report/more-problems': {
    en: '{count} more {count|problem|problems} not shown ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} or notes)',
    zh: '另有 {count} 个问题未列出（{errors} 个错误，{warnings} 个警告或提示）',
    hint: { en: 'fix the ones above first', zh: '请先改正上面列出的问题' },
  },
  internal: {
    en: 'internal error: {detail}',
    zh: '内部错误：{detail}',
    hint: { en: 'please report it', zh: '请反馈给维护者' },
  },
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/**
 * Codes made from others: a project config (report.config.yaml) is checked with the record's
 * schema machinery, so its problems are `config/…` with the schema messages.
 */
export function entryOf(code: string): Entry | undefined {
  const direct = (DIAGNOSTICS as Record<string, Entry>)[code];
  if (direct) return direct;
  if (code.startsWith('config/')) return (DIAGNOSTICS as Record<string, Entry>)[`schema/${code.slice('config/'.length)}`];
  return undefined;
}
