export interface GenerateOptions {
  kind: '工作总结' | '实施意见' | '情况汇报';
  sections: number;
  pointsPerSection: number;
  /** Sentences per paragraph. */
  length: number;
  /** With activities, honors and metrics. */
  data?: boolean;
  seed?: number;
  /** Swap some characters for traditional ones. */
  traditional?: boolean;
}

/** A realistic record file (YAML text), the same for the same options. */
export function generateRecord(options: GenerateOptions): string;
