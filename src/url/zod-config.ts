import { z } from "zod/mini";

// Zod 4 compiles fast parsers with `new Function` unless told not to; the page's
// Content-Security-Policy forbids eval, so parse the plain way. The schemas use
// `zod/mini`, zod's tree-shakable build: the same parsers and issues at a
// fraction of the weight of the first visit's JavaScript. Messages come from
// src/url/errors.ts, not from a zod locale.
z.config({ jitless: true });
