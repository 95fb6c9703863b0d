import { expect } from '@open-wc/testing';
import { placeFloating } from './place-floating.js';

/*
 * Where placeFloating puts a list next to its input, in the viewport's own
 * coordinates: below and start-aligned, above when short of room below,
 * within the viewport's edges, and next to its anchor under a transformed
 * ancestor (the origin of fixed boxes then) as anywhere else.
 */
describe('placeFloating', () => {
  let stage: HTMLElement;
  afterEach(() => stage.remove());

  /** an anchor at (left, top) in the viewport and a list of the given size, in `stage` */
  function setUp(left: number, top: number, list: { width: number; height: number }, stageStyle = '') {
    stage = document.createElement('div');
    stage.style.cssText = `position: fixed; inset: 0; ${stageStyle}`;
    const anchor = document.createElement('input');
    anchor.style.cssText = `position: absolute; left: ${left}px; top: ${top}px; width: 120px; height: 30px; margin: 0; box-sizing: border-box`;
    const floating = document.createElement('ul');
    floating.style.cssText = `margin: 0; padding: 0; width: ${list.width}px; height: ${list.height}px`;
    stage.append(anchor, floating);
    document.body.append(stage);
    return { anchor, floating };
  }

  const rect = (el: Element) => el.getBoundingClientRect();
  const viewport = () => document.documentElement;

  it('hangs the list below its anchor, start edges aligned, at least as wide', () => {
    const { anchor, floating } = setUp(40, 50, { width: 100, height: 80 });
    placeFloating(anchor, floating);
    expect(floating.style.position).to.equal('fixed');
    expect(rect(floating).top).to.be.closeTo(rect(anchor).bottom + 4, 0.5);
    expect(rect(floating).left).to.be.closeTo(rect(anchor).left, 0.5);
    expect(rect(floating).width).to.be.at.least(rect(anchor).width - 0.5);
  });

  it('puts it above when there is less room below', () => {
    const top = viewport().clientHeight - 60;
    const { anchor, floating } = setUp(40, top, { width: 100, height: 150 });
    placeFloating(anchor, floating);
    expect(rect(floating).bottom).to.be.closeTo(rect(anchor).top - 4, 0.5);
  });

  it('keeps it within the viewport, eight pixels from its edge', () => {
    const { anchor, floating } = setUp(viewport().clientWidth - 130, 50, { width: 300, height: 80 });
    placeFloating(anchor, floating);
    expect(rect(floating).right).to.be.closeTo(viewport().clientWidth - 8, 0.5);
  });

  it('aligns end edges right to left', () => {
    const { anchor, floating } = setUp(300, 50, { width: 200, height: 80 }, 'direction: rtl');
    placeFloating(anchor, floating);
    expect(rect(floating).right).to.be.closeTo(rect(anchor).right, 0.5);
  });

  it('stays next to its anchor under a transformed ancestor', () => {
    const { anchor, floating } = setUp(40, 50, { width: 100, height: 80 }, 'transform: translate(30px, 20px)');
    placeFloating(anchor, floating);
    expect(rect(floating).top).to.be.closeTo(rect(anchor).bottom + 4, 0.5);
    expect(rect(floating).left).to.be.closeTo(rect(anchor).left, 0.5);
  });
});
