/// <reference types="mocha" />
import { expect, fixture } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { mediatorReportForm, SAMPLE_SUBMISSIONS, type FormDefinition, type FormId } from '@ponte/forms';
import { createPonteClient } from '@ponte/sdk';
import { fillByKeyboard } from './fill-by-keyboard.js';
import { heldStart } from './held-start.js';
import { focusedIn, press, tabToSubmit, until } from './keyboard.js';
import { ponteTest } from './ponte-test.js';

/*
 * The tests every form widget passes against the real server: axe in its
 * empty, error, summary and receipt states; the accessibility tree names and
 * describes a field with its error; the whole flow with the keyboard alone;
 * the stored submission read back through the SDK.
 */

export interface Sender {
  /** a publishable key… */
  key?: string;
  /** …or a staff member who sends on behalf of the organisation of `key`… */
  staff?: { email: string; forKey: string };
  /**
   * …or, for a report (A.2, A.4), a mediator filing it against a meeting of
   * theirs already held at the organisation of `forKey` (booked for each test
   * by the coordinator, `hoursAgo` and two hours further back each time)
   */
  mediator?: { email: string; forKey: string; hoursAgo: number };
  /** who reads the stored submission or report back */
  reader: string;
}

export interface SuiteOptions {
  tag: string;
  formId: FormId;
  sender: Sender;
  /** changes to the sample answers (placeholders, values the keyboard filler cannot type) */
  adjust?: (sample: Record<string, unknown>) => Record<string, unknown>;
  /** a required top-level field of the first step, to check in the accessibility tree */
  firstRequired: string;
}

export async function signIn(email: string) {
  const { api, password } = ponteTest();
  const client = createPonteClient({ url: api });
  const session = await client.auth.signIn.mutate({ email, password });
  return { token: session.token, client: createPonteClient({ url: api, token: session.token }) };
}

let meetings = 0;

/** A meeting of the mediator's already held, booked by the coordinator (who may record one), and the mediator's token. */
async function heldMeeting(mediator: NonNullable<Sender['mediator']>): Promise<{ appointmentId: string; token: string }> {
  const { api } = ponteTest();
  const coordinator = (await signIn('coordinatrice@demo.ponte.test')).client;
  const org = await createPonteClient({ url: api, publishableKey: mediator.forKey }).organisations.current.query();
  const self = await signIn(mediator.email);
  const me = await self.client.auth.me.query();
  const profile = (await coordinator.mediators.list.query({})).find((m) => m.userId === me.id);
  const start = heldStart(mediator.hoursAgo + 2 * meetings++);
  const { appointments } = await coordinator.scheduling.book.mutate({
    mediatorId: profile!.id,
    organisationId: org!.id,
    action: org!.kind === 'school' ? '1' : '2',
    start: start.toISOString(),
    durationMinutes: 60,
    mode: 'video',
    override: true,
    overrideReason: 'browser test',
  });
  return { appointmentId: appointments[0]!.id, token: self.token };
}

export async function mountWidget(options: SuiteOptions): Promise<HTMLElement & { token?: string; organisationId?: string }> {
  const { api } = ponteTest();
  const host = document.createElement(options.tag) as HTMLElement & { token?: string; organisationId?: string };
  host.setAttribute('api', api);
  if (options.sender.key) host.setAttribute('publishable-key', options.sender.key);
  if (options.sender.staff) {
    const { token } = await signIn(options.sender.staff.email);
    const org = await createPonteClient({ url: api, publishableKey: options.sender.staff.forKey }).organisations.current.query();
    host.token = token;
    host.organisationId = org!.id;
  }
  if (options.sender.mediator) {
    const { appointmentId, token } = await heldMeeting(options.sender.mediator);
    host.setAttribute('appointment-id', appointmentId);
    host.token = token;
  }
  const el = await fixture<HTMLElement & { token?: string; organisationId?: string }>(host);
  await until(() => el.shadowRoot?.querySelector('form, .draft'), 'the form to load');
  return el;
}

/** The answers typed: a report's session date and times come prefilled from its appointment. */
function sampleFor(options: SuiteOptions): Record<string, unknown> {
  const sample = structuredClone(SAMPLE_SUBMISSIONS[options.formId]) as Record<string, unknown>;
  if (options.sender.mediator) for (const key of ['sessionDate', 'startTime', 'endTime']) delete sample[key];
  return options.adjust ? options.adjust(sample) : sample;
}

export function runFormWidgetSuite(options: SuiteOptions): void {
  afterEach(() => localStorage.clear());

  it('is accessible when empty', async () => {
    const el = await mountWidget(options);
    await expect(el).to.be.accessible();
    expect(document.cookie).to.equal('');
  });

  it('shows an error summary on Next, focused, and ties each error to its field', async () => {
    const el = await mountWidget(options);
    await tabToSubmit(el);
    await press('Enter');
    const summary = await until(() => el.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the error summary');
    await until(() => focusedIn(el) === summary, 'focus on the summary');
    expect(summary.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    const control = el.shadowRoot!.getElementById(`f-${options.firstRequired}`)!;
    const label = el.shadowRoot!.querySelector(`label[for="${control.id}"], #${control.id} > legend`)!.textContent!.trim();
    const error = el.shadowRoot!.getElementById(`${control.id}-e`)!.textContent!.trim();
    expect(error).to.contain('obbligatorio');
    if (control.localName === 'fieldset') {
      // NOTE: Chromium's snapshot leaves groups out (not "interesting"); the wiring is what can be checked.
      expect(control.getAttribute('aria-describedby')?.split(' ')).to.include(`${control.id}-e`);
      expect(control.getAttribute('aria-invalid') ?? control.querySelector('[aria-invalid]')?.getAttribute('aria-invalid')).to.equal('true');
      return;
    }
    const snapshot = await a11ySnapshot({});
    const node = findAccessibilityNode(snapshot as never, (n: { name?: string; description?: string }) =>
      n.name === label && (n.description ?? '').includes(error),
    );
    expect(node, `an accessible node named “${label}” described by “${error}”`).to.not.equal(null);
  });

  it('is filled and sent with the keyboard alone, and stored as sent', async function () {
    this.timeout(120_000);
    const el = await mountWidget(options);
    const full = (await createPonteClient({ url: ponteTest().api }).forms.get.query({ id: options.formId })) as FormDefinition;
    // A report as its mediator files it: the countersignature is the requester's, later.
    const def = options.sender.mediator ? mediatorReportForm(full) : full;
    const sample = sampleFor(options);
    await fillByKeyboard(el, def, sample);

    await until(() => el.shadowRoot?.querySelector('.review'), 'the summary step');
    await expect(el).to.be.accessible();

    const submitted = new Promise<CustomEvent>((resolve) => el.addEventListener('ponte-submitted', (e) => resolve(e as CustomEvent)));
    await tabToSubmit(el);
    expect(focusedIn(el)?.textContent).to.contain('Conferma e invia');
    await press('Enter');
    const receipt = (await submitted).detail as { protocol: string; trackingCode: string; id: string };
    await until(() => el.shadowRoot?.querySelector('.receipt'), 'the receipt');
    await until(() => focusedIn(el)?.id === 'step-heading', 'focus on the receipt heading');
    await expect(el).to.be.accessible();

    const { client } = await signIn(options.sender.reader);
    let data: Record<string, unknown>;
    if (options.sender.mediator) {
      data = (await client.reports.get.query({ id: receipt.id })).data as Record<string, unknown>;
    } else {
      expect(el.shadowRoot!.querySelector('.receipt')!.textContent).to.contain(receipt.trackingCode);
      const page = await client.submissions.list.query({ formId: options.formId });
      const stored = page.items.find((s) => s.protocol === receipt.protocol);
      expect(stored, 'the stored submission').to.not.equal(undefined);
      data = (await client.submissions.get.query({ id: stored!.id })).data as Record<string, unknown>;
    }
    for (const [key, value] of Object.entries(sample)) {
      const field = def.sections.flatMap((s) => s.fields).find((f) => f.key === key);
      if (!field || field.kind === 'organisation' || field.kind === 'group' || field.kind === 'language') continue;
      if (Array.isArray(value)) expect(data[key], key).to.have.deep.members(value);
      else if (typeof value === 'object' && value !== null) expect(data[key], key).to.deep.include(value);
      else expect(data[key], key).to.equal(value);
    }
    expect(document.cookie).to.equal('');
  });
}
