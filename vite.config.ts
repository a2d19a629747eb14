/// <reference types="vitest/config" />
// Vite builds the app; Vitest runs unit tests in two projects: pure layers in node, DOM layers in jsdom.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/sim/**/*.test.ts', 'src/machines/**/*.test.ts', 'src/lessons/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/view/**/*.test.ts', 'src/ui/**/*.test.{ts,tsx}', 'src/store/**/*.test.ts', 'src/app/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})
