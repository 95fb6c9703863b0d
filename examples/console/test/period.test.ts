/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { calendarYears, periodDates, periodLabel, rangeProblem, schoolYearOf, schoolYears } from '../src/period.js';

/* The Indicatori view's periods as local dates (examples/console/src/period.ts), edges included. */

describe('the periods of the Indicatori view', () => {
  it('puts a day in the school year that starts on the 1 September before it', () => {
    expect(schoolYearOf('2026-08-31')).to.equal('2025/26');
    expect(schoolYearOf('2026-09-01')).to.equal('2026/27');
    expect(schoolYearOf('2099-12-31')).to.equal('2099/00');
    expect(schoolYears('2026-12-07')).to.deep.equal(['2027/28', '2026/27', '2025/26', '2024/25', '2023/24']);
    expect(calendarYears('2026-12-07')).to.deep.equal([2027, 2026, 2025, 2024, 2023]);
  });

  it('gives each kind of period its first and last day', () => {
    expect(periodDates({ kind: 'schoolYear', schoolYear: '2026/27' })).to.deep.equal({ from: '2026-09-01', to: '2027-08-31' });
    expect(periodDates({ kind: 'year', year: 2027 })).to.deep.equal({ from: '2027-01-01', to: '2027-12-31' });
    expect(periodDates({ kind: 'quarter', year: 2028, quarter: 1 })).to.deep.equal({ from: '2028-01-01', to: '2028-03-31' });
    expect(periodDates({ kind: 'quarter', year: 2028, quarter: 2 })).to.deep.equal({ from: '2028-04-01', to: '2028-06-30' });
    expect(periodDates({ kind: 'quarter', year: 2028, quarter: 3 })).to.deep.equal({ from: '2028-07-01', to: '2028-09-30' });
    expect(periodDates({ kind: 'quarter', year: 2028, quarter: 4 })).to.deep.equal({ from: '2028-10-01', to: '2028-12-31' });
    expect(periodDates({ kind: 'range', from: '2026-03-29', to: '2026-10-25' })).to.deep.equal({ from: '2026-03-29', to: '2026-10-25' });
  });

  it('says the period in Italian, its days whatever the browser’s zone', () => {
    expect(periodLabel({ kind: 'schoolYear', schoolYear: '2026/27' })).to.equal('anno scolastico 2026/27 (dal 1 settembre 2026 al 31 agosto 2027)');
    expect(periodLabel({ kind: 'quarter', year: 2026, quarter: 4 })).to.equal('4° trimestre 2026 (dal 1 ottobre 2026 al 31 dicembre 2026)');
    expect(periodLabel({ kind: 'year', year: 2026 })).to.equal('anno 2026');
    expect(periodLabel({ kind: 'range', from: '2026-01-01', to: '2026-01-31' })).to.equal('dal 1 gennaio 2026 al 31 gennaio 2026');
  });

  it('refuses a range the server would, before asking it', () => {
    expect(rangeProblem('', '2026-01-01')).to.contain('inizio');
    expect(rangeProblem('2026-01-01', '')).to.contain('fine');
    expect(rangeProblem('2026-01-02', '2026-01-01')).to.contain('non può precedere');
    expect(rangeProblem('2026-01-01', '2026-01-01')).to.equal(undefined);
    // At most 1,100 days from the first to the last, as the server counts them (docs/architecture.md#indicators-interventions-and-hours).
    expect(rangeProblem('2026-01-01', '2029-01-04')).to.equal(undefined);
    expect(rangeProblem('2026-01-01', '2029-01-05')).to.contain('1100 giorni');
  });
});
