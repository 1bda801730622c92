/**
 * Where a page starts in the flow as composed (FlowQueue.position), which a proof resumes
 * from: chunk and item, counted as if no lines had been set again, and none inside or before
 * lines that were.
 */
import { describe, expect, it } from 'vitest';
import { FlowQueue } from '../../src/layout/flow-queue.js';
import type { FlowItem } from '../../src/layout/flow.js';

const mark = (title: string): FlowItem => ({ kind: 'mark', level: 3, title, source: title });
const chunk = (name: string, n: number): FlowItem[] => Array.from({ length: n }, (_, k) => mark(`${name}${k}`));

function queue(firstChunk = 0): FlowQueue {
  const q = new FlowQueue([chunk('a', 3), chunk('b', 4), chunk('c', 2)], firstChunk);
  expect(q.has(8)).toBe(true);
  expect(q.has(9)).toBe(false);
  return q;
}

describe('flow positions', () => {
  it('counts chunks and items from the flow start, and knows how far the flow was composed', () => {
    const q = new FlowQueue([chunk('a', 3), chunk('b', 4), chunk('c', 2)]);
    q.has(3);
    expect(q.position(0)).toEqual({ chunk: 0, item: 0, through: 1 });
    expect(q.position(3)).toEqual({ chunk: 1, item: 0, through: 1 });
    q.has(8);
    expect(q.position(6)).toEqual({ chunk: 1, item: 3, through: 2 });
    expect(q.position(8)).toEqual({ chunk: 2, item: 1, through: 2 });
    // The flow's end: past the last chunk's last item.
    expect(q.position(9)).toEqual({ chunk: 2, item: 2, through: 2 });
  });

  it('numbers the chunks of a resumed flow from the chunk it resumed at', () => {
    expect(queue(40).position(4)).toEqual({ chunk: 41, item: 1, through: 42 });
  });

  it('gives no position inside or before lines set again in the same chunk, and counts past them as composed', () => {
    const q = queue();
    // Items 4 and 5 of chunk b (items 1 and 2 in it) set again as three.
    q.splice(4, 2, [mark('x'), mark('y'), mark('z')]);
    expect(q.at(7)).toEqual(mark('b3'));
    expect(q.position(3)).toBeUndefined();
    expect(q.position(4)).toBeUndefined();
    expect(q.position(6)).toBeUndefined();
    expect(q.position(7)).toEqual({ chunk: 1, item: 3, through: 2 });
    // Chunk c moved one on; its positions are unchanged.
    expect(q.position(8)).toEqual({ chunk: 2, item: 0, through: 2 });
    expect(q.position(0)).toEqual({ chunk: 0, item: 0, through: 2 });
  });

  it('follows lines set again twice, the second time inside the first', () => {
    const q = queue();
    q.splice(4, 2, [mark('x'), mark('y'), mark('z')]); // b1 b2 → x y z: b is a0…, b0 x y z b3
    q.splice(5, 2, [mark('u')]); // y z → u: b0 x u b3
    expect(q.at(6)).toEqual(mark('b3'));
    expect(q.position(5)).toBeUndefined();
    expect(q.position(6)).toEqual({ chunk: 1, item: 3, through: 2 });
    expect(q.position(7)).toEqual({ chunk: 2, item: 0, through: 2 });
  });

  it('keeps positions after items are let go of', () => {
    const q = queue();
    q.release(5);
    expect(q.position(5)).toEqual({ chunk: 1, item: 2, through: 2 });
    expect(q.at(7)).toEqual(mark('c0'));
  });
});
