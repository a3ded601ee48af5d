import { beforeAll, describe, expect, it } from 'vitest';
import { browseStep, linkTargets, type BrowseState } from '../../src/browse.js';
import type { ArticleRecord } from '../../src/corpus/compile.js';
import { lazyFixture } from '../helpers.js';

const basic = lazyFixture('basic');
const record = (id: string): ArticleRecord => {
  const [[n]] = basic().names('da', '=' + id) as [[number, number]];
  return basic().record('da', n);
};
const open = (ref: { id: string }) => record(ref.id);

describe('linkTargets', () => {
  it('numbers the linked articles in order of first appearance, each once, broken links left out', () => {
    expect(linkTargets(record('strategicalliance')).map((r) => r.id)).toEqual(['jointventure', 'organicgrowth']);
    // jointventure links to strategicalliance, organicgrowth, and privateequity (not in the corpus).
    expect(linkTargets(record('jointventure')).map((r) => r.id)).toEqual(['strategicalliance', 'organicgrowth']);
  });
});

describe('browseStep', () => {
  let start: BrowseState;
  beforeAll(() => {
    start = { current: record('strategicalliance'), history: [] };
  });

  it('follows a link, remembering where it came from', () => {
    const next = browseStep(start, { follow: 1 }, open) as BrowseState;
    expect(next.current.id).toBe('jointventure');
    expect(next.history.map((r) => r.id)).toEqual(['strategicalliance']);
    const further = browseStep(next, { follow: 1 }, open) as BrowseState;
    expect(further.history.map((r) => r.id)).toEqual(['strategicalliance', 'jointventure']);
  });

  it('goes back to the previous article, and stays put with nothing to go back to', () => {
    const next = browseStep(start, { follow: 2 }, open) as BrowseState;
    expect(browseStep(next, 'back', open)).toEqual(start);
    expect(browseStep(start, 'back', open)).toBe(start);
  });

  it('stays put for a number without a link, or a link to an article no longer there', () => {
    expect(browseStep(start, { follow: 9 }, open)).toBe(start);
    expect(browseStep(start, { follow: 1 }, () => undefined)).toBe(start);
  });

  it('ends on quit', () => {
    expect(browseStep(start, 'quit', open)).toBeUndefined();
  });
});
