/**
 * `report init [DIR]`: a working folder that builds at once — a record file per genre in
 * records/, report.config.yaml with the project defaults, and a README saying what to do next.
 * Files that are already there are kept, never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { t } from '../../messages/index.js';
import { shellWord, shown } from '../shared.js';

const CONFIG = `# report.config.yaml — defaults for every record below this folder.
# A flag (-t, -o, --script) wins over a record, a record over this file. Paths are relative to it.
templates: templates        # your own templates, partials/ and helpers.mjs (report templates eject <name>)
output: out                 # where report build writes
# script: traditional       # output script: simplified | traditional | tw | hk
# dictionary: terms.yaml    # fixed terms for the script conversion
# fonts:                    # the faces of the Word file (defaults per GB/T 9704)
#   body: 仿宋_GB2312
#   title: 方正小标宋简体
#   heading1: 黑体
#   heading2: 楷体_GB2312
`;

const SUMMARY = `# 工作总结: every field is described in the README of report (report schema prints the JSON Schema).
kind: 工作总结
title: 2024年度文明单位创建工作总结
unit: 示例区政务服务中心
date: 2024-12-18
period: 2024

intro: |
  今年以来，中心坚持以人民为中心的发展思想，把文明单位创建与窗口服务提升结合起来，各项工作取得新进展。现将全年工作总结如下。

sections:
  - heading: 强化组织领导，压实创建责任
    text: 中心把创建工作列入年度重点任务，主要负责同志亲自抓，分管负责同志具体抓。
    points:
      - title: 健全领导机构
        text: 成立创建工作领导小组，下设办公室，明确专人负责日常工作。
      - title: 完善工作制度
        text: 制定创建工作方案和考核细则，做到任务到岗、责任到人。

  - heading: 提升服务水平，方便群众办事
    points:
      - 推行“一窗受理、集成服务”，群众办事平均等候时间明显缩短。
      - 开展延时服务和预约服务，全年为群众办理业务一万余件。

activities:
  - {date: 2024-03-05, title: 学雷锋志愿服务, category: 志愿服务, participants: 40}
  - {date: 2024-06-12, title: 政务服务技能比武, category: 业务培训, participants: 25}

metrics:
  - {name: 服务窗口, value: 24, unit: 个, previous: 20}
  - {name: 群众满意率, value: 99.2, unit: '%', previous: 98.5}

honors:
  - {date: 2024-05, title: 市级青年文明号, by: 市文明委, level: 市级}

closing: |
  下一步，中心将继续巩固创建成果，不断提升政务服务水平。
`;

const PLAN = `# 实施意见: sections with 1． points; metrics become a 主要目标 table, activities a 时间安排 table.
kind: 实施意见
title: 示例区政务服务中心关于深化文明单位创建工作的实施意见
unit: 示例区政务服务中心
date: 2025-01-10
period: 2025

intro: 为深入推进文明单位创建工作，结合中心实际，提出如下实施意见。

sections:
  - heading: 指导思想
    text: 坚持以人民为中心，以提升群众满意度为目标，推动创建工作常态化、长效化。
  - heading: 重点任务
    points:
      - title: 优化服务流程
        text: 全面梳理办事事项，压减办理环节和申请材料。
      - title: 加强队伍建设
        text: 定期开展业务培训和文明礼仪培训。
  - heading: 工作要求
    text: 各科室要提高认识，明确责任，确保各项任务按时完成。

metrics:
  - {name: 一次办结率, value: 95, unit: '%', previous: 90}
  - {name: 志愿服务活动, value: 12, unit: 次}

activities:
  - {date: 2025-03, title: 召开创建工作动员会, category: 组织部署}
  - {date: 2025-11, title: 开展创建工作自查, category: 检查考核}
`;

const BRIEFING = `# 情况汇报: points are numbered 一是、二是; metrics with a previous value become a table.
kind: 情况汇报
title: 示例区政务服务中心创建文明单位情况汇报
unit: 示例区政务服务中心
date: 2025-06-30
period: {from: 2025-01-01, to: 2025-06-30}

intro: 示例区政务服务中心设有综合窗口24个，承担全区主要政务服务事项的受理工作。

metrics:
  - {name: 服务窗口, value: 24, unit: 个, previous: 20}
  - {name: 办件量, value: 52000, unit: 件, previous: 48000}

sections:
  - heading: 主要做法
    points:
      - title: 抓组织
        text: 成立领导小组，定期研究创建工作。
      - title: 抓服务
        text: 推行预约服务和延时服务，方便群众办事。
  - heading: 存在的不足
    text: 创建工作的宣传还不够深入，部分窗口服务规范仍需加强。

closing: 下一步，中心将针对不足，持续改进，巩固提升创建成果。
`;

const README = `# 公文 records

Built with \`report\`: one YAML record per document, one Word file (GB/T 9704) per record.

\`\`\`sh
report build records            # → out/summary.docx, out/plan.docx, out/briefing.docx
report preview --watch records/briefing.yaml -o briefing.md   # live Markdown preview while you edit
report check records            # validate without writing
\`\`\`

- \`records/\` — one file per document: \`kind\` (工作总结, 实施意见 or 情况汇报), \`title\`, \`unit\`, then the text.
- \`report.config.yaml\` — the project's defaults: template folder, output folder, script, fonts, dictionary.
- \`templates/\` — your own templates: \`report templates\` lists what there is, and
  \`report templates eject briefing\` copies the built-in 情况汇报 template here to edit; from then
  on every 情况汇报 of this folder uses your copy. A record can also name one with \`template:\`.
`;

export const SCAFFOLD: Record<string, string> = {
  'report.config.yaml': CONFIG,
  'records/summary.yaml': SUMMARY,
  'records/plan.yaml': PLAN,
  'records/briefing.yaml': BRIEFING,
  'README.md': README,
};

export async function init(dir: string, io: CliIo): Promise<number> {
  const lang = io.lang;
  const root = path.resolve(io.cwd, dir);
  let written = 0;
  try {
    for (const [name, text] of Object.entries(SCAFFOLD)) {
      const file = path.join(root, name);
      if (existsSync(file)) {
        io.stderr(`${t('init.kept', lang, { file: shown(io, file) })}\n`);
        continue;
      }
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text, { flag: 'wx' });
      io.stdout(`${shown(io, file)}\n`);
      written++;
    }
  } catch (error) {
    io.stderr(`report: ${t('init.cannotCreate', lang, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
    return EXIT.invalidInput;
  }
  const into = path.relative(io.cwd, root);
  io.stderr(`${t('init.written', lang, { count: written, next: `${into ? `cd ${shellWord(into)} && ` : ''}report build records` })}\n`);
  return EXIT.ok;
}
