// pngjs ships no types (it comes in as a dependency of qrcode); the handout spec reads screenshots with it.
declare module "pngjs" {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
