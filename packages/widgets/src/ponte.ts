// Every Ponte widget: load this one script to use any of them.
// It fetches the widgets' code with import() rather than static imports,
// which would hold this module back until every chunk had arrived: the
// calls the page's first form waits on (internal/early-calls.ts) go out
// beside the chunks instead of after them. That form is defined first, on
// its own, once its answers are in too (a second at most), so that it draws
// its form in one go rather than a loading step first; the other widgets
// once it has been drawn (the next frame), so that their code and calls do
// not hold it back (in a tab not yet shown, when it is first shown).
// NOTE: it defines each element itself rather than importing each widget's
// entry (./school-request/ponte-school-request.js …): the entries are files
// of their own in the build, and importing them would put nine more
// requests, each more headers than script, before any widget could draw.
// The tags are those the entries define (ponte-forms.ts, ponte-services.ts).
import { callEarly } from './internal/early-calls.js';

// Core as well, though the form chunk imports it: it would be asked for only once that had arrived.
const core = import('./internal/define.js');
const define = (elements: Record<string, CustomElementConstructor>, tags = Object.keys(elements)) =>
  core.then((m) => tags.forEach((tag) => m.define(tag, elements[tag]!)));
const forms = import('./ponte-forms.js');
// After the chunks' requests: theirs is the longer way (parsed once arrived).
const first = callEarly();
const rest = () => {
  void forms.then((m) => define(m.forms));
  void import('./ponte-services.js').then((m) => define(m.services));
};
if (first) {
  const [tag, answers] = first;
  const answered = Promise.race([Promise.allSettled(answers), new Promise((resolve) => setTimeout(resolve, 1000))]);
  void Promise.all([forms, answered])
    .then(([m]) => define(m.forms, [tag]))
    .finally(() => requestAnimationFrame(() => setTimeout(rest)));
} else rest();

export type { PonteBookedEvent, PonteErrorEvent, PonteSubmitDetail, PonteSubmitEvent, PonteSubmittedEvent } from './internal/events.js';
// From the entries as types only (nothing of them is loaded), which also
// brings their tags' declarations (HTMLElementTagNameMap) to TypeScript users.
export type { PonteAppointmentOpenEvent, PonteMediatorCalendar } from './mediator-calendar/ponte-mediator-calendar.js';
export type { PonteBooking } from './booking/ponte-booking.js';
export type { PonteEthnoclinicalRequest } from './ethnoclinical-request/ponte-ethnoclinical-request.js';
export type { PonteRequestStatus } from './request-status/ponte-request-status.js';
export type { PonteSchoolQuestionnaire } from './school-questionnaire/ponte-school-questionnaire.js';
export type { PonteSchoolReport } from './school-report/ponte-school-report.js';
export type { PonteSchoolRequest } from './school-request/ponte-school-request.js';
export type { PonteServiceReport } from './service-report/ponte-service-report.js';
export type { PonteServiceRequest } from './service-request/ponte-service-request.js';
