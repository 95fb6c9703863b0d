import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formioJson, PEER_FIELDS, PEER_PAGES, surveyJson } from './peer-forms.js';

/*
 * The peers' pages of the first-load benchmark, written at run time into a
 * folder of the caller's from the peers' npm packages (devDependencies of
 * this package): nothing of theirs is kept in the repository. Each page
 * loads the library's own minified distribution and stylesheet, as its
 * documentation's plain-script embed does, and draws the same 35-field,
 * 7-page form (peer-forms.ts) once the document is parsed.
 */

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A package's folder, where npm put it: under this package or hoisted to the repository's root. */
function packageDir(name: string): string {
  const found = [join(SERVER, 'node_modules', name), join(ROOT, 'node_modules', name)].find((dir) => existsSync(join(dir, 'package.json')));
  if (!found) throw new Error(`${name} is not installed: it is a devDependency of packages/server (npm install)`);
  return found;
}

function page(title: string, styles: string[], scripts: string[], draw: string): string {
  return `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
${styles.map((href) => `    <link rel="stylesheet" href="${href}" />`).join('\n')}
${scripts.map((src) => `    <script src="${src}" defer></script>`).join('\n')}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <div id="form"></div>
    </main>
    <script>
      document.addEventListener('DOMContentLoaded', () => {
        ${draw}
      });
    </script>
  </body>
</html>
`;
}

export interface PeerPage {
  name: string;
  /** the page's path under the folder, as served */
  path: string;
}

/** Writes the SurveyJS and Form.io pages into `dir` and answers where each is. */
export function writePeerPages(dir: string): PeerPage[] {
  const title = (peer: string) => `${peer}: ${PEER_FIELDS} campi, ${PEER_PAGES} passi`;

  const survey = join(dir, 'surveyjs');
  mkdirSync(survey, { recursive: true });
  const core = packageDir('survey-core');
  copyFileSync(join(core, 'survey.core.min.js'), join(survey, 'survey.core.min.js'));
  copyFileSync(join(core, 'survey-core.min.css'), join(survey, 'survey-core.min.css'));
  copyFileSync(join(packageDir('survey-js-ui'), 'survey-js-ui.min.js'), join(survey, 'survey-js-ui.min.js'));
  writeFileSync(
    join(survey, 'index.html'),
    page(title('SurveyJS'), ['survey-core.min.css'], ['survey.core.min.js', 'survey-js-ui.min.js'], `new Survey.Model(${JSON.stringify(surveyJson())}).render(document.getElementById('form'));`),
  );

  const formio = join(dir, 'formio');
  mkdirSync(formio, { recursive: true });
  const dist = join(packageDir('@formio/js'), 'dist');
  copyFileSync(join(dist, 'formio.full.min.js'), join(formio, 'formio.full.min.js'));
  copyFileSync(join(dist, 'formio.full.min.css'), join(formio, 'formio.full.min.css'));
  // Its stylesheet names its icon font relative to itself.
  cpSync(join(dist, 'fonts'), join(formio, 'fonts'), { recursive: true });
  writeFileSync(
    join(formio, 'index.html'),
    page(title('Form.io'), ['formio.full.min.css'], ['formio.full.min.js'], `Formio.createForm(document.getElementById('form'), ${JSON.stringify(formioJson())});`),
  );

  return [
    { name: 'SurveyJS', path: '/surveyjs/' },
    { name: 'Form.io', path: '/formio/' },
  ];
}
