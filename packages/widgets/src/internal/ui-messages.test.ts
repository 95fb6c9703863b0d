import { expect } from '@open-wc/testing';
import { ui } from './ui-messages.js';

describe('ui', () => {
  it('fills placeholders with whole numbers as they are, in both languages, without grouping', () => {
    expect(ui('stepOf', 'it', { n: 1, total: 8 })).to.equal('Passo 1 di 8');
    expect(ui('characters', 'en', { n: 1200, max: 4000 })).to.equal('1200 of 4000 characters');
    expect(ui('itemAdded', 'it', { item: 'Alunno n. 2' })).to.equal('Alunno n. 2 aggiunto.');
  });

  it('leaves a placeholder it has no value for, and a string without any', () => {
    expect(ui('stepOf', 'en', { n: 2 })).to.equal('Step 2 of {total}');
    expect(ui('retry', 'it')).to.equal('Riprova');
  });
});
