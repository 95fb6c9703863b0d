#!/usr/bin/env node
import { loadConfig } from './config.js';
import { DEMO_PASSWORD } from './seed/demo-data.js';
import { seedDemoActivity } from './seed/seed-demo-activity.js';
import { startServer } from './server.js';

// `--demo` (what `npm start` passes) seeds the demo Ambito on an empty
// database; a production start leaves an empty database empty.
// `--demo-activity` (npm start too) adds requests at every step to a demo
// just created, so that the console does not open on an empty queue.
const wantsDemo = process.argv.includes('--demo');

const config = loadConfig();
const server = await startServer(config, { seedDemo: wantsDemo });
const activity = server.demo && process.argv.includes('--demo-activity') ? await seedDemoActivity(config, server.database) : null;
const base = config.publicUrl;

const lines = [
  '',
  `Ponte is running at ${base}  (${server.database.description})`,
  `  API (tRPC):   ${base}/trpc`,
  `  Health:       ${base}/healthz`,
  `  Widgets:      ${base}/widgets/ponte.js`,
  '',
  `School site example: ${base}/examples/school-site/`,
  `Municipal portal example: ${base}/examples/municipal-portal/`,
  `Coordinator console: ${base}/examples/console/`,
];
if (wantsDemo) {
  lines.push(
    '',
    `Console sign-in (coordinator): coordinatrice@demo.ponte.test / ${DEMO_PASSWORD}`,
    ...(activity
      ? ['  in its queue: a request to take in charge, one in review, one to book, one held and reported (for referente.manzoni to countersign), and an A.5 for the clinicians']
      : []),
    '',
    server.demo ? 'Demo Ambito created. Sign in with any of these (password below):' : 'Demo accounts (created earlier):',
    '  coordinatrice@demo.ponte.test   coordinator',
    '  clinica@demo.ponte.test         clinician',
    '  referente.manzoni@demo.ponte.test   requester, IC Manzoni',
    '  operatrice.servizi@demo.ponte.test  requester, social service',
    '  amina.elidrissi@demo.ponte.test     mediator (Darija, Arabic, Tamazight, French)',
    '  admin@demo.ponte.test           admin',
    `  password: ${DEMO_PASSWORD}`,
    '',
    'Demo publishable keys (x-ponte-key):',
    '  pk_demo_manzoni   IC "Alessandro Manzoni" (school)',
    '  pk_demo_rodari    IC "Gianni Rodari" (school)',
    '  pk_demo_servizi   Servizio Sociale di Base (service)',
    '',
    `Try the SDK example: PONTE_URL=${base} npm run example:sdk`,
  );
}
console.log(lines.join('\n'));

async function shutdown(signal: string) {
  console.log(`\n${signal}: closing Ponte…`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
