import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // LibreOffice conversions take a second or two each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
