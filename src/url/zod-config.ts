import { z } from "zod";

// Zod 4 compiles fast parsers with `new Function` unless told not to; the page's
// Content-Security-Policy forbids eval, so parse the plain way.
z.config({ jitless: true });
