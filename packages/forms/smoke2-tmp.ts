import { z } from 'zod/mini';
const mk = (inner: z.ZodMiniType) => z.strictObject({ a: z.optional(inner) }).check(z.superRefine((v, ctx) => ctx.addIssue({code: 'custom', message: 'R', path: ['q']}), {when: () => true}));
console.log(JSON.stringify(mk(z.string().check(z.maxLength(2))).safeParse({ a: 'abcd' }).error?.issues.map(i => i.code)));
console.log(JSON.stringify(mk(z.array(z.string()).check(z.minLength(2))).safeParse({ a: ['x'] }).error?.issues.map(i => i.code)));
console.log(JSON.stringify(mk(z.array(z.string()).check(z.maxLength(1))).safeParse({ a: ['x', 'y'] }).error?.issues.map(i => i.code)));
console.log(JSON.stringify(mk(z.number().check(z.lte(1))).safeParse({ a: 3 }).error?.issues.map(i => i.code)));
