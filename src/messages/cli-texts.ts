/**
 * The command line's own texts in English and Chinese: help, usage errors, progress and
 * summary lines. Problems found in files are diagnostics (./diagnostics.ts); these are the
 * rest. Keys are `area.name`; placeholders as in ./format.ts.
 */
import type { Phrase } from './format.js';

export const CLI_TEXTS = {
  // --- help: the program ---------------------------------------------------------------------
  'help.program': {
    en: 'Turn YAML records into Chinese official documents (GB/T 9704 Word files) with a Markdown preview.',
    zh: '把 YAML 记录生成中文公文（符合 GB/T 9704 的 Word 文件），并可输出 Markdown 预览。',
  },
  'help.version': { en: 'print the version', zh: '显示版本号' },
  'help.help': { en: 'show help for a command', zh: '显示帮助' },
  'help.helpCommand': { en: 'show help for a command', zh: '显示某个命令的帮助' },
  'help.debug': { en: 'show stack traces of internal errors', zh: '内部错误时显示调用栈（供维护者排查）' },
  'help.lang': {
    en: 'language of messages: zh or en (default: REPORT_LANG, then LC_ALL/LC_MESSAGES/LANG)',
    zh: '提示信息的语言：zh 或 en（默认依次看 REPORT_LANG、LC_ALL、LC_MESSAGES、LANG）',
  },
  'help.after': { en: '(run report --help for usage)', zh: '（运行 report --help 查看用法）' },
  'help.usage': { en: 'Usage:', zh: '用法：' },
  'help.options': { en: 'Options:', zh: '选项：' },
  'help.commands': { en: 'Commands:', zh: '命令：' },
  'help.arguments': { en: 'Arguments:', zh: '参数：' },
  'help.globalOptions': { en: 'Global Options:', zh: '全局选项：' },
  'help.default': { en: 'default', zh: '默认' },
  'help.choices': { en: 'choices', zh: '可选' },

  // --- help: shared options ------------------------------------------------------------------
  'help.opt.noRepair': { en: 'do not repair garbled text (mojibake) in the records', zh: '不修复记录里的乱码' },
  'help.opt.strict': { en: 'treat lost characters (U+FFFD, 锟斤拷) as errors', zh: '把丢失的字符（U+FFFD、锟斤拷）当作错误' },
  'help.opt.script': { en: 'output script (overrides the record and report.config.yaml)', zh: '输出字形（优先于记录和 report.config.yaml 里的设置）' },
  'help.opt.template': {
    en: 'template for every record: a name (report templates lists them) or a .hbs file',
    zh: '所有记录使用的模板：模板名（report templates 可列出）或 .hbs 文件',
  },
  'help.arg.inputs': { en: 'record files or folders', zh: '记录文件或文件夹' },

  // --- help: build ---------------------------------------------------------------------------
  'help.build': {
    en: 'build a Word file (and/or Markdown) for each record file; folders are searched for *.yaml/*.yml',
    zh: '为每个记录文件生成 Word 文件（和/或 Markdown）；给文件夹时处理其中所有 *.yaml/*.yml',
  },
  'help.build.out': { en: 'output folder (default: `output:` in report.config.yaml, else out)', zh: '输出文件夹（默认取 report.config.yaml 的 `output:`，否则为 out）' },
  'help.build.format': { en: 'what to write', zh: '输出什么：docx（Word）、md（Markdown）或 both（两者）' },
  'help.build.jobs': { en: 'worker threads for a batch (default: the number of cores)', zh: '批量生成时的并行线程数（默认为 CPU 核数）' },
  'help.build.shard': { en: 'build only the i-th of n slices of the sorted inputs (for a CI matrix)', zh: '只生成排序后输入的第 i 份（共 n 份，用于 CI 矩阵）' },
  'help.build.force': { en: 'rebuild outputs that are up to date', zh: '已是最新的输出也重新生成' },
  'help.build.quiet': { en: 'print only problems', zh: '只显示问题' },
  'help.build.json': { en: 'write a machine-readable summary to stdout, or to a file', zh: '输出机器可读的汇总（JSON），写到标准输出或指定文件' },

  // --- help: preview, templates, init, check -------------------------------------------------
  'help.preview': { en: 'print the Markdown preview of a record file', zh: '输出记录文件的 Markdown 预览' },
  'help.preview.input': { en: 'a record file', zh: '一个记录文件' },
  'help.preview.output': { en: 'write the preview to a file instead of stdout', zh: '把预览写入文件，而不是显示在屏幕上' },
  'help.preview.watch': {
    en: 'keep running: render again when the record, its template or the config changes',
    zh: '保持运行：记录、模板或设置一改动就重新生成',
  },
  'help.templates': { en: "list the built-in templates and those in the project's template folder", zh: '列出内置模板和本项目模板文件夹里的模板' },
  'help.eject': { en: "copy a built-in template and its partials into the project's template folder, to edit", zh: '把内置模板及其子模板复制到本项目的模板文件夹，供修改' },
  'help.eject.name': { en: 'a built-in template: summary, plan or briefing', zh: '内置模板：summary、plan 或 briefing' },
  'help.eject.dir': { en: 'where to put it (default: the template folder, ./templates)', zh: '放在哪里（默认为模板文件夹 ./templates）' },
  'help.eject.force': { en: 'overwrite files that are already there', zh: '覆盖已有的文件' },
  'help.init': { en: 'create a working folder: a record file per genre, report.config.yaml and a README', zh: '新建工作文件夹：每个文种一份记录、report.config.yaml 和说明文件' },
  'help.init.dir': { en: 'the folder (default: the current folder)', zh: '文件夹（默认为当前文件夹）' },
  'help.check': {
    en: 'validate record files without writing anything; every problem as FILE:LINE:COL: message',
    zh: '只检查记录文件、不生成；每个问题一行：文件:行:列: 问题',
  },

  // --- help: fix -----------------------------------------------------------------------------
  'help.fix': { en: 'repair garbled Chinese text (mojibake) in plain text files; repaired UTF-8 on stdout', zh: '修复纯文本文件里的中文乱码；修复后的 UTF-8 文本输出到屏幕' },
  'help.fix.files': { en: 'text files; none or - reads standard input', zh: '文本文件；不写或写 - 则读标准输入' },
  'help.fix.output': { en: 'write the result to a file', zh: '把结果写入文件' },
  'help.fix.inPlace': { en: 'rewrite each file, keeping the original as FILE.bak', zh: '直接改写原文件，原文件留作 文件.bak' },
  'help.fix.unwrap': { en: 'join lines broken at PDF line ends, keep real paragraph breaks', zh: '接上从 PDF 复制时断开的行，保留真正的分段' },
  'help.fix.stripBoilerplate': {
    en: 'remove web residue (source lines, tags, share prompts); each removed line on stderr',
    zh: '删去网页残留（来源、标签、分享提示等），删去的每一行都会列出',
  },
  'help.fix.punct': {
    en: 'half-width , ; : ? ! ( ) and straight quotes in Chinese text become full-width',
    zh: '中文里的半角 , ; : ? ! ( ) 和直引号改为全角标点',
  },
  'help.fix.noRepair': { en: 'leave mojibake alone (only the other options apply)', zh: '不修复乱码（只做其他选项的处理）' },
  'help.fix.report': { en: 'print each change as FILE:LINE:COL: kind: "before" → "after" on stderr', zh: '列出每处改动：文件:行:列: 类型: "改前" → "改后"' },
  'help.fix.strict': {
    en: 'lost characters (U+FFFD, 锟斤拷) are errors: exit 1 and write nothing for that file',
    zh: '丢失的字符（U+FFFD、锟斤拷）视为错误：退出码 1，该文件不输出',
  },
  'help.fix.to': { en: 'convert to a script after repair', zh: '修复后转换为指定字形' },
  'help.fix.dictionary': { en: 'user dictionary for --to (YAML or source<TAB>target lines)', zh: '--to 使用的自定义词典（YAML，或每行 原词<Tab>目标词）' },

  // --- help: render-check, doctor, schema ----------------------------------------------------
  'help.renderCheck': {
    en: 'convert Word files with LibreOffice and check the PDF: A4, 22 lines of 28 characters, page numbers, fonts',
    zh: '用 LibreOffice 把 Word 文件转成 PDF 并核对：A4、每页 22 行、每行 28 字、页码、字体',
  },
  'help.renderCheck.docx': { en: 'Word files built by report build', zh: 'report build 生成的 Word 文件' },
  'help.renderCheck.record': {
    en: 'the record a docx was built from, once per docx in the same order: also checks headings, text and signature',
    zh: '生成该 Word 文件所用的记录，每个文件一个、顺序相同：另核对各级标题、正文和落款',
  },
  'help.doctor': {
    en: 'check this machine: Node.js, a writable output folder, LibreOffice for render checks, the 公文 fonts',
    zh: '检查本机：Node.js、输出文件夹能否写入、排版检查用的 LibreOffice、公文字体',
  },
  'help.doctor.out': { en: 'the output folder to check', zh: '要检查的输出文件夹' },
  'help.schema': { en: 'print the JSON Schema of record files (also in schema/record.schema.json)', zh: '输出记录文件的 JSON Schema（同 schema/record.schema.json）' },

  // --- usage errors (commander's and ours) ---------------------------------------------------
  'usage.unknownOption': { en: "unknown option '{option}'", zh: '不认识的选项 {option}' },
  'usage.unknownCommand': { en: "unknown command '{command}'", zh: '不认识的命令 {command}' },
  'usage.didYouMean': { en: '(did you mean {suggestion}?)', zh: '（是否为 {suggestion}？）' },
  'usage.missingArgument': { en: "missing required argument '{name}'", zh: '缺少参数 {name}' },
  'usage.optionMissingArgument': { en: "option '{option}' argument missing", zh: '选项 {option} 缺少取值' },
  'usage.invalidChoice': { en: "option '{option}' argument '{value}' is invalid: choose one of {choices}", zh: '选项 {option} 的取值“{value}”无效，可选：{choices}' },
  'usage.excessArguments': { en: 'too many arguments: {details}', zh: '参数太多：{details}' },
  'usage.other': { en: '{detail}', zh: '{detail}' },
  'usage.jobs': { en: '--jobs must be a whole number of 1 or more (found "{value}")', zh: '--jobs 应为不小于 1 的整数（当前为“{value}”）' },
  'usage.shard': { en: '--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4 (found "{value}")', zh: '--shard 应写成 i/n，且 1 ≤ i ≤ n，如 2/4（当前为“{value}”）' },
  'usage.outputIsInput': { en: '-o {file} is the record itself: the preview would replace it (name the preview .md)', zh: '-o {file} 就是记录文件本身，预览会把它覆盖（请给预览起一个 .md 文件名）' },
  'usage.previewNotMarkdown': { en: '-o {file}: the preview is Markdown; name it .md (report build writes the Word file)', zh: '-o {file}：预览是 Markdown 文本，请用 .md 文件名（Word 文件由 report build 生成）' },
  'usage.maxInputBytes': { en: 'REPORT_MAX_INPUT_BYTES must be a whole number of bytes, 1 or more (found "{value}")', zh: 'REPORT_MAX_INPUT_BYTES 应为不小于 1 的整数（字节数，当前为“{value}”）' },
  'usage.sourceDateEpoch': { en: 'SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (found "{value}")', zh: 'SOURCE_DATE_EPOCH 应为自 1970 年起的秒数（整数，当前为“{value}”）' },
  'usage.inPlaceStdin': { en: '--in-place needs files, not standard input', zh: '--in-place 需要给出文件，不能用于标准输入' },
  'usage.inPlaceAndOutput': { en: 'give either --in-place or -o, not both', zh: '--in-place 和 -o 只能选一个' },
  'usage.dictionaryWithoutTo': { en: '--dictionary applies to --to: give the script to convert to', zh: '--dictionary 要和 --to 一起用：请给出要转换成的字形' },
  'usage.templateOption': { en: '-t {spec}: {message} ({hint})', zh: '-t {spec}：{message}（{hint}）' },

  // --- failures outside the input files ------------------------------------------------------
  'fail.internal': { en: 'internal error: {detail}', zh: '内部错误：{detail}' },
  'fail.internalHint': { en: '(run again with --debug for details)', zh: '（加 --debug 重新运行可看到详细信息，请反馈给维护者）' },
  'fail.write': { en: '{detail} (check the path and its permissions)', zh: '{detail}（请检查路径和写入权限）' },
  'fail.writeFile': { en: 'cannot write {file} ({reason})', zh: '无法写入 {file}（{reason}）' },
  'fail.writePreview': { en: 'cannot write the preview ({reason})', zh: '无法写入预览（{reason}）' },

  // --- progress and summaries ----------------------------------------------------------------
  'progress.bar': { en: 'building {bar} {value}/{total} files | {rate} docs/s | ETA {eta_formatted}', zh: '生成中 {bar} {value}/{total} 个文件 | 每秒 {rate} 份 | 预计还需 {eta_formatted}' },
  'summary.build': { en: 'built {built}, failed {failed}{skipped}{interrupted}, {seconds} s', zh: '已生成 {built} 份，失败 {failed} 份{skipped}{interrupted}，用时 {seconds} 秒' },
  'summary.skipped': { en: ', skipped {count} up to date', zh: '，{count} 份已是最新而跳过' },
  'summary.interrupted': { en: ', interrupted ({count} not started)', zh: '，已中断（{count} 份未开始）' },
  'summary.check': { en: 'checked {count}: {ok} ok, {invalid} with errors', zh: '已检查 {count} 个：{ok} 个无误，{invalid} 个有错误' },
  'fix.backupKept': { en: '{file}: note: an earlier backup, kept as it was (it holds an older original)', zh: '{file}：提示：已有的备份保留不动（其中是更早的原文）' },
  'fix.removed': { en: '{where}: removed {reason}: "{text}"', zh: '{where}：已删去{reason}：“{text}”' },
  'watch.rendered': { en: '[{time}] rendered{what}', zh: '[{time}] 已生成{what}' },
  'watch.failedHeading': { en: 'The preview could not be rendered:', zh: '预览无法生成：' },
  'watch.lastGood': { en: 'The last preview that rendered follows.', zh: '下面是上一次成功生成的预览。' },
  'watch.errors': { en: '[{time}] {count} {count|error|errors}; still watching', zh: '[{time}] {count} 个错误；仍在监视' },
  'watch.start': { en: 'watching {file}, its template and the project config (Ctrl-C stops)', zh: '正在监视 {file}、它的模板和项目设置（按 Ctrl-C 停止）' },

  // --- lists ---------------------------------------------------------------------------------
  'list.separator': { en: ', ', zh: '、' },

  // --- report templates, templates eject -----------------------------------------------------
  'templates.name': { en: 'NAME', zh: '名称' },
  'templates.kind': { en: 'KIND', zh: '文种' },
  'templates.source': { en: 'SOURCE', zh: '来源' },
  'templates.file': { en: 'FILE', zh: '文件' },
  'templates.builtIn': { en: 'built-in', zh: '内置' },
  'templates.project': { en: 'project', zh: '本项目' },
  'templates.replaced': { en: "{file}  (replaced by the project's)", zh: '{file}（已由本项目的同名模板取代）' },
  'templates.folder': { en: 'template folder: {folder}', zh: '模板文件夹：{folder}' },
  'templates.folderMissing': {
    en: 'template folder: {folder} (not there yet: `report templates eject <name>` creates it)',
    zh: '模板文件夹：{folder}（尚未建立，运行 `report templates eject <模板名>` 时会自动建立）',
  },
  'templates.partials': { en: 'partials: {list}', zh: '子模板：{list}' },
  'templates.projectOwn': { en: "{name} (project's)", zh: '{name}（本项目的）' },
  'templates.helpers': { en: 'helpers: built-in', zh: '辅助函数：内置' },
  'templates.helpersAlso': { en: 'helpers: built-in, and {files}', zh: '辅助函数：内置，另有 {files}' },
  'templates.unknown': { en: 'no built-in template named `{name}` (built-in: {names})', zh: '没有名为 `{name}` 的内置模板（内置模板有：{names}）' },
  'templates.exists': { en: '{file} already exists (--force replaces it)', zh: '{file} 已存在（加 --force 可覆盖）' },
  'templates.backedUp': { en: 'replaced {file}, which had been edited: that version is kept as {backup}', zh: '{file} 曾被修改过，现已替换；修改过的版本保存为 {backup}' },
  'templates.kept': { en: 'kept {file}: already there (--force replaces it)', zh: '{file} 已存在，保留原文件（加 --force 可覆盖）' },
  'templates.cannotCopy': { en: 'cannot copy the template ({reason})', zh: '无法复制模板（{reason}）' },
  'templates.edit': {
    en: 'edit {file}: from now on every {kind} of this project uses it (partials in {partials} replace the built-in ones for all templates)',
    zh: '请修改 {file}：今后本项目的每份{kind}都使用它（{partials} 里的子模板会取代所有模板的同名内置子模板）',
  },
  'templates.useIt': {
    en: 'use it with -t {arg}, or `template: {file}` in a record (relative to the record)',
    zh: '使用方法：加 -t {arg}，或在记录里写 `template: {file}`（路径相对于记录文件所在的文件夹）',
  },

  // --- report init ---------------------------------------------------------------------------
  'init.kept': { en: 'kept {file}: already there', zh: '{file} 已存在，保留原文件' },
  'init.cannotCreate': { en: 'cannot create the folder ({reason})', zh: '无法建立文件夹（{reason}）' },
  'init.written': { en: '{count} file(s) written; next: {next}', zh: '已写入 {count} 个文件；下一步：{next}' },

  // --- report render-check: the command's own lines ------------------------------------------
  'renderCheck.needsTools': {
    en: 'render-check needs LibreOffice (soffice) and poppler-utils (pdftotext); install them (Debian: apt-get install libreoffice-writer-nogui poppler-utils)',
    zh: 'render-check 需要 LibreOffice（soffice）和 poppler-utils（pdftotext），请先安装（Debian：apt-get install libreoffice-writer-nogui poppler-utils）',
  },
  'renderCheck.recordCount': {
    en: 'give --record once per docx, in the same order ({docx} docx, {records} --record)',
    zh: '每个 Word 文件要对应一个 --record，顺序相同（现有 {docx} 个 Word 文件、{records} 个 --record）',
  },
  'renderCheck.recordErrors': { en: '{record} has errors; the text checks did not run', zh: '{record} 有错误，未核对文字' },
  'renderCheck.ok': { en: 'ok', zh: '通过' },
  'renderCheck.failed': { en: 'FAILED', zh: '不通过' },
  'renderCheck.skipped': { en: 'skipped', zh: '未检查' },
  'renderCheck.line': { en: '{file}: {state} {name}', zh: '{file}: {state} {name}' },
  'renderCheck.lineDetail': { en: '{file}: {state} {name}: {detail}', zh: '{file}: {state} {name}：{detail}' },
  'renderCheck.summary': { en: 'render-checked {count}: {passed} passed, {failed} failed', zh: '已检查 {count} 个 Word 文件：{passed} 个通过，{failed} 个不通过' },
  'renderCheck.fontUnused': { en: '{file}: font {face}: asked for by {where}, {why}', zh: '{file}: 字体 {face}：指定它的是{where}，{why}' },
  'renderCheck.fontUnusedNotInstalled': { en: '{file}: font {face}: asked for by {where}, {why} (not installed here)', zh: '{file}: 字体 {face}：指定它的是{where}，{why}（本机未安装）' },
  'renderCheck.noCharacters': { en: 'but no Chinese character in this document uses it', zh: '但本文档没有汉字用到它' },
  'renderCheck.notInPdf': { en: 'but none of its text was found in the PDF', zh: '但在 PDF 里找不到用它排出的文字' },
  'renderCheck.documentDefaults': { en: 'document defaults', zh: '文档默认设置' },
  'renderCheck.directFormatting': { en: 'direct formatting', zh: '直接设置的格式' },
  'renderCheck.style': { en: 'style {style}', zh: '样式 {style}' },
  'renderCheck.fontAsRequested': { en: '{file}: font {face} → {used}: as requested', zh: '{file}: 字体 {face} → {used}：与指定的一致' },
  'renderCheck.fontSubstituted': { en: '{file}: font {face} → {used}: substituted', zh: '{file}: 字体 {face} → {used}：已被替代' },
  'renderCheck.fontSubstitutedNotes': { en: '{file}: font {face} → {used}: substituted ({notes})', zh: '{file}: 字体 {face} → {used}：已被替代（{notes}）' },
  'renderCheck.notInstalled': { en: 'not installed here', zh: '本机未安装' },
  'renderCheck.fallback': { en: 'the docx names {fallback} as its fallback', zh: 'Word 文件指定的备用字体为 {fallback}' },
  'renderCheck.notesSeparator': { en: '; ', zh: '；' },
  'renderCheck.fontsProblem': { en: '{file}: fonts: {problem}', zh: '{file}: 字体：{problem}' },
  'renderCheck.fontsEmbedded': { en: '{file}: fonts embedded: {fonts}', zh: '{file}: 嵌入的字体：{fonts}' },
  'renderCheck.none': { en: 'none', zh: '无' },

  // --- render checks (src/verify): names and details -----------------------------------------
  'verify.name.converts': { en: 'converts to PDF', zh: '转换为 PDF' },
  'verify.name.pageSize': { en: 'A4 page size', zh: '纸张为 A4' },
  'verify.name.linesPerPage': { en: 'lines per page', zh: '每页行数' },
  'verify.name.charactersPerLine': { en: 'characters per line', zh: '每行字数' },
  'verify.name.pageNumbers': { en: 'page numbers', zh: '页码' },
  'verify.name.headings': { en: 'title and headings in order', zh: '标题和各级标题依次出现' },
  'verify.name.textKept': { en: 'no text lost', zh: '文字无遗漏' },
  'verify.name.signature': { en: 'signature and date at the end', zh: '文末为落款和成文日期' },
  'verify.name.record': { en: 'record', zh: '记录' },
  'verify.pages': { en: '{count} {count|page|pages}', zh: '共 {count} 页' },
  'verify.unreadablePdf': { en: 'the PDF cannot be read: {reason}', zh: '无法读取 PDF：{reason}' },
  'verify.noPages': { en: 'the PDF has no pages', zh: 'PDF 没有任何页面' },
  'verify.pageSize': { en: 'page {page} is {width} × {height} pt; expected A4, 595 × 842 pt', zh: '第 {page} 页为 {width} × {height} pt，应为 A4（595 × 842 pt）' },
  'verify.pageSizePaper': {
    en: 'page {page} is {width} × {height} pt ({paper}); expected A4, 595 × 842 pt',
    zh: '第 {page} 页为 {width} × {height} pt（{paper}），应为 A4（595 × 842 pt）',
  },
  'verify.pageNumberText': { en: 'page {page} ends with "{text}", expected "— {page} —"', zh: '第 {page} 页末行为“{text}”，应为“— {page} —”' },
  'verify.pageNumberNotRight': { en: 'page {page}: the number is not on the right (ends at {x} pt)', zh: '第 {page} 页：页码不在右侧（右端在 {x} pt）' },
  'verify.pageNumberNotLeft': { en: 'page {page}: the number is not on the left (starts at {x} pt)', zh: '第 {page} 页：页码不在左侧（左端在 {x} pt）' },
  'verify.problemsMore': { en: '{problems}; and {count} more', zh: '{problems}；另有 {count} 处' },
  'verify.problemSeparator': { en: '; ', zh: '；' },
  'verify.pageNumbersOk': { en: '"— N —" on all {count} pages, odd right, even left', zh: '全部 {count} 页都有“— N —”页码，单页在右、双页在左' },
  'verify.tooShort': {
    en: 'not measured: {count} {count|page|pages}, a full middle page needs 3 or more',
    zh: '未测量：只有 {count} 页，至少 3 页才有完整的中间页',
  },
  'verify.lines': { en: '{count} on page {page}', zh: '第 {page} 页 {count} 行' },
  'verify.linesWrong': { en: '{count} on page {page} (expected {lines} ± {tolerance})', zh: '第 {page} 页 {count} 行（应为 {lines} ± {tolerance} 行）' },
  'verify.charactersTooMany': {
    en: '{count} on page {page} (expected at most {characters}): "{line}"',
    zh: '第 {page} 页最长的一行 {count} 字（最多应为 {characters} 字）：“{line}”',
  },
  'verify.charactersTooFew': {
    en: 'at most {count} on page {page} (expected {characters} on a full line): "{line}"',
    zh: '第 {page} 页最长的一行只有 {count} 字（满行应为 {characters} 字）：“{line}”',
  },
  'verify.characters': { en: '{count} on page {page}, {full} of {lines} lines full', zh: '第 {page} 页最长的一行 {count} 字，{lines} 行中有 {full} 行是满行' },
  'verify.block': { en: '{kind} "{text}"', zh: '{kind}“{text}”' },
  'verify.block.title': { en: 'title', zh: '标题' },
  'verify.block.heading': { en: 'heading {level}', zh: '{level}级标题' },
  'verify.block.paragraph': { en: 'paragraph', zh: '段落' },
  'verify.block.table': { en: 'table', zh: '表格' },
  'verify.block.signature': { en: 'signature', zh: '落款' },
  'verify.notInOrder': { en: '{block} not found in order', zh: '未按顺序找到{block}' },
  'verify.found': { en: '{count} found', zh: '找到 {count} 个' },
  'verify.charactersMissing': { en: 'characters missing from the PDF: {characters}', zh: 'PDF 里缺少这些字：{characters}' },
  'verify.charactersMissingMore': { en: 'characters missing from the PDF: {characters}… ({count})', zh: 'PDF 里缺少这些字：{characters}…（共 {count} 个）' },
  'verify.blocksFound': { en: '{count} blocks found', zh: '找到全部 {count} 个文字块' },
  'verify.notSignature': { en: 'the document ends with {block}, not a signature', zh: '文档最后是{block}，不是落款' },
  'verify.nothing': { en: 'nothing', zh: '空白' },
  'verify.signatureWrong': { en: 'the last page ends with "{found}", expected "{expected}"', zh: '最后一页末尾为“{found}”，应为“{expected}”' },
  'verify.notAFile': { en: 'not a file', zh: '这不是文件' },
  'verify.fileNotFound': { en: 'file not found', zh: '找不到文件' },
  'verify.cannotRead': { en: 'cannot read the file ({reason})', zh: '无法读取文件（{reason}）' },
  'verify.notZip': { en: 'not a Word file (a .docx is a zip archive; this file is not one)', zh: '不是 Word 文件（.docx 文件是 zip 压缩包，这个文件不是）' },
  'verify.damagedZip': { en: 'not a Word file: the zip archive is damaged ({reason})', zh: '不是 Word 文件：zip 压缩包已损坏（{reason}）' },
  'verify.noDocumentXml': { en: 'not a Word file: the zip archive has no word/document.xml', zh: '不是 Word 文件：zip 压缩包里没有 word/document.xml' },
  'verify.noLibreOffice': { en: 'LibreOffice not found ({soffice})', zh: '找不到 LibreOffice（{soffice}）' },
  'verify.noPdf': { en: 'LibreOffice made no PDF{soffice}{said}', zh: 'LibreOffice 没有生成 PDF{soffice}{said}' },
  'verify.noPdfSoffice': { en: ' (soffice: {error})', zh: '（soffice：{error}）' },
  'verify.noPdfSaid': { en: ': {lines}', zh: '：{lines}' },
  'verify.pdfinfoFailed': { en: 'pdfinfo cannot read the PDF ({error}): {output}', zh: 'pdfinfo 无法读取 PDF（{error}）：{output}' },
  'verify.toolFailed': { en: '{tool} failed ({error}): {output}', zh: '{tool} 运行失败（{error}）：{output}' },
  'verify.tool.notFound': { en: 'not found', zh: '找不到程序' },
  'verify.tool.exitCode': { en: 'exit code {code}', zh: '退出码 {code}' },
  'verify.tool.timedOut': { en: 'timed out or killed ({signal})', zh: '超时或被终止（{signal}）' },
  'verify.docxUnreadable': { en: 'cannot read the docx ({reason})', zh: '无法读取 Word 文件（{reason}）' },
  'verify.noPdfText': { en: 'pdftohtml gave no text: which font set which face is unknown', zh: 'pdftohtml 没有读出文字，无法判断各字体的文字实际由哪种字体排出' },

  // --- report doctor -------------------------------------------------------------------------
  'doctor.node': { en: 'Node.js {version}', zh: 'Node.js {version}' },
  'doctor.nodeOld': {
    en: 'Node.js {version} — report needs 20.19 or later; install a current Node.js LTS',
    zh: 'Node.js {version} —— 需要 20.19 或更高版本，请安装当前的 Node.js 长期支持版',
  },
  'doctor.writable': { en: 'output folder {folder} is writable', zh: '输出文件夹 {folder} 可写' },
  'doctor.notWritable': { en: 'output folder {folder} is not writable ({reason}); choose another with -o', zh: '输出文件夹 {folder} 不可写（{reason}），请用 -o 另选文件夹' },
  'doctor.tools': { en: 'LibreOffice and poppler found: `report render-check` can run', zh: '已找到 LibreOffice 和 poppler：可以运行 `report render-check`' },
  'doctor.noTools': {
    en: 'render checks unavailable: missing {missing} (Debian/Ubuntu: apt-get install libreoffice-writer-nogui poppler-utils; Windows/macOS: install LibreOffice)',
    zh: '无法进行排版检查：缺少 {missing}（Debian/Ubuntu：apt-get install libreoffice-writer-nogui poppler-utils；Windows/macOS：安装 LibreOffice）',
  },
  'doctor.font': { en: 'font {font} ({role}) installed', zh: '字体 {font}（{role}）已安装' },
  'doctor.noFont': {
    en: 'font {font} ({role}) missing: Word/WPS will substitute it; install it for exact 公文 rendering (see docs/fonts.md)',
    zh: '缺少字体 {font}（{role}）：Word/WPS 会用替代字体显示；如需严格的公文效果请安装（见 docs/fonts.md）',
  },
  'doctor.fontsElsewhere': {
    en: 'fonts: on Windows/macOS check that 仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体 and 宋体 are installed (Settings → Fonts / Font Book)',
    zh: '字体：在 Windows/macOS 上请确认已安装 仿宋_GB2312、楷体_GB2312、方正小标宋简体、黑体、宋体（设置 → 字体 / 字体册）',
  },
  'doctor.role.body': { en: 'body text', zh: '正文' },
  'doctor.role.title': { en: 'title', zh: '标题' },
  'doctor.role.heading1': { en: '一、 headings', zh: '一级标题' },
  'doctor.role.heading2': { en: '（一） headings', zh: '二级标题' },
  'doctor.role.pageNumbers': { en: 'page numbers', zh: '页码' },
  'doctor.ready': { en: 'ready to build', zh: '可以生成文档' },
  'doctor.notReady': { en: 'not ready: fix the errors above', zh: '尚不能生成文档：请先处理上面的错误' },

  // --- severities in printed diagnostics -----------------------------------------------------
  'severity.warning': { en: 'warning: ', zh: '警告：' },
  'severity.note': { en: 'note: ', zh: '提示：' },
} satisfies Record<string, Phrase>;

export type CliTextKey = keyof typeof CLI_TEXTS;
