/** `import url from './x.ts?moduleScript'`: the URL of x.ts built as its own chunk (vite.config.ts, moduleScriptUrl). */
declare module '*?moduleScript' {
  const url: string
  export default url
}
