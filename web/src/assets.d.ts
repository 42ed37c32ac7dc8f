/** Vite's `?url` imports: the built asset's address (hashed, served by the app itself). */
declare module '*?url' {
  const src: string;
  export default src;
}
