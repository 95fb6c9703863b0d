// The first load of the school site's page with the A.1 widget
// (examples/school-site/, <ponte-school-request>), cache off, in headless
// Chromium: bytes on the wire and the time until its first field could take
// focus, beside SurveyJS and Form.io drawing a 35-field, 7-page form built
// here at run time (peer-pages.ts) and served compressed as Ponte serves its
// widgets (peer-server.ts). Pages are loaded interleaved, in a rotating
// order, so that all see the same noise; medians are reported.
//
// NOTE: it serves the widgets as built: run `npm run build:widgets` first
// (as `npm start` does). Ponte runs in a process of its own, from the
// sources, on a fresh demo database (scripts/ponte-process.mjs).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPonteProcess } from '../../../scripts/ponte-process.mjs';
import { median, percentile, round, type BenchRow } from './bench-row.js';
import { launchChromium, measurePageLoad, type FieldsIn, type PageLoad } from './page-load.js';
import { writePeerPages } from './peer-pages.js';
import { servePeerPages } from './peer-server.js';

const RUNS = Number(process.env.PONTE_BENCH_FIRST_LOAD_RUNS ?? 9);
/** Rounds first, not counted: the server's and the browser's code warms up. */
const WARM_UP = 2;
const BYTES_GOAL_KB = 65;
const TIME_GOAL_RATIO = 0.5;

const WIDGETS_DIST = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));

interface Subject {
  name: string;
  url: string;
  fieldsIn: FieldsIn;
  loads: PageLoad[];
}

const spread = (values: number[], unit: string) => `p25–p75 ${round(percentile(values, 25), 1)}–${round(percentile(values, 75), 1)} ${unit}`;

export async function benchFirstLoad(): Promise<BenchRow[]> {
  if (!existsSync(join(WIDGETS_DIST, 'ponte.js'))) throw new Error('No widget build: run `npm run build:widgets` first.');
  const pagesDir = mkdtempSync(join(tmpdir(), 'ponte-bench-peers-'));
  const cleanups: (() => unknown)[] = [() => rmSync(pagesDir, { recursive: true, force: true })];
  try {
    const peerPages = writePeerPages(pagesDir);
    const peers = await servePeerPages(pagesDir);
    cleanups.push(() => peers.close());
    const ponte = await startPonteProcess();
    cleanups.push(() => ponte.stop());
    const chromium = await launchChromium();
    cleanups.push(() => chromium.close());
    const subjects: Subject[] = [
      { name: 'Ponte', url: `${ponte.url}/examples/school-site/`, fieldsIn: { shadowHost: 'ponte-school-request' }, loads: [] },
      ...peerPages.map((p) => ({ name: p.name, url: `${peers.url}${p.path}`, fieldsIn: { container: '#form' }, loads: [] })),
    ];
    for (let round = 0; round < WARM_UP + RUNS; round++) {
      for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[(round + i) % subjects.length]!;
        const load = await measurePageLoad(chromium.browser, subject.url, subject.fieldsIn);
        if (round >= WARM_UP) subject.loads.push(load);
      }
    }
    const named = (name: string) => subjects.find((s) => s.name === name)!;
    return rows(named('Ponte'), named('SurveyJS'), named('Form.io'));
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

function rows(ponte: Subject, survey: Subject, formio: Subject): BenchRow[] {
  const bytes = (s: Subject) => s.loads.map((l) => l.bytes / 1000);
  const times = (s: Subject) => s.loads.map((l) => l.firstFieldMs);
  const requests = (s: Subject) => median(s.loads.map((l) => l.requests.length));
  const headersKb = (s: Subject) => round(median(s.loads.map((l) => l.headerBytes / 1000)), 1);
  const ponteKb = round(median(bytes(ponte)), 1);
  const ponteMs = round(median(times(ponte)), 0);
  const surveyMs = median(times(survey));
  const where = 'chromium';
  const path = 'first load, school site A.1 page, cache off';
  const byteRow = (peer: Subject): BenchRow => ({
    path,
    where,
    measure: 'kB on the wire',
    ponte: ponteKb,
    peer: { name: `${peer.name}, 35 fields, 7 pages`, value: round(median(bytes(peer)), 1) },
    goal: `≤ ${BYTES_GOAL_KB} kB`,
    met: ponteKb <= BYTES_GOAL_KB,
    detail: `${RUNS} runs each, interleaved; Ponte ${requests(ponte)} responses, of which headers ${headersKb(ponte)} kB; ${peer.name} ${requests(peer)} responses, of which headers ${headersKb(peer)} kB`,
  });
  const timeRow = (peer: Subject): BenchRow => ({
    path,
    where,
    measure: 'ms to first focusable field',
    ponte: ponteMs,
    peer: { name: `${peer.name}, 35 fields, 7 pages`, value: round(median(times(peer)), 0) },
    goal: `≤ ${TIME_GOAL_RATIO}× SurveyJS`,
    met: ponteMs <= TIME_GOAL_RATIO * surveyMs,
    detail: `${round(ponteMs / median(times(peer)), 2)}× ${peer.name}; Ponte ${spread(times(ponte), 'ms')}; ${peer.name} ${spread(times(peer), 'ms')}`,
  });
  return [byteRow(survey), byteRow(formio), timeRow(survey), timeRow(formio)];
}
