export default async function globalTeardown() {
  await (globalThis as { __concordEmbedded?: { stop(): Promise<void> } }).__concordEmbedded?.stop();
}
